package dev.concierge.infrastructure;

import software.amazon.awscdk.services.wafv2.CfnWebACL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The web ACL's rules: AWS's common, known-bad-inputs, IP-reputation and SQL-injection rule sets, and a per-IP rate
 * limit. Test cases are text about software, so a pasted case or an imported CSV may well hold {@code <script>} or
 * {@code ' OR 1=1 --}: the body rules that would block those (cross-site scripting and SQL injection in the body) only
 * count, and a rule after them blocks what they flagged unless the request goes to a test-case content route
 * ({@value #TEST_CASE_CONTENT_PATHS}); the app stores such text as data and never runs it. The common set's 8 KB body
 * limit counts everywhere (the app has its own limit).
 */
public final class WebAclRules {
    /** Where test-case text arrives: CSV imports, new cases, edits and procedures. */
    public static final String TEST_CASE_CONTENT_PATHS = "^/api/(suites/[0-9]+/(imports|test-cases)|test-cases/[0-9]+(/procedure)?)$";
    /** An office behind one egress address: everyone shares one IP, so the limit is per office, not per person. */
    public static final int DEFAULT_REQUESTS_PER_IP_PER_5_MINUTES = 10_000;
    static final List<String> BODY_RULES_SCOPED = List.of("CrossSiteScripting_BODY", "SQLi_BODY", "SQLiExtendedPatterns_BODY");
    static final List<String> BODY_LABELS = List.of(
            "awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body",
            "awswaf:managed:aws:sql-database:SQLi_Body",
            "awswaf:managed:aws:sql-database:SQLiExtendedPatterns_Body");

    private WebAclRules() {}

    static List<CfnWebACL.RuleProperty> rules(int requestsPerIpPer5Minutes) {
        List<CfnWebACL.RuleProperty> rules = new ArrayList<>();
        managed(rules, "AWSManagedRulesCommonRuleSet", List.of("SizeRestrictions_BODY", "CrossSiteScripting_BODY"));
        managed(rules, "AWSManagedRulesKnownBadInputsRuleSet", List.of());
        managed(rules, "AWSManagedRulesAmazonIpReputationList", List.of());
        managed(rules, "AWSManagedRulesSQLiRuleSet", List.of("SQLi_BODY", "SQLiExtendedPatterns_BODY"));

        List<CfnWebACL.StatementProperty> flagged = BODY_LABELS.stream().map(label -> CfnWebACL.StatementProperty.builder()
                .labelMatchStatement(CfnWebACL.LabelMatchStatementProperty.builder().scope("LABEL").key(label).build()).build()).toList();
        CfnWebACL.StatementProperty contentRoute = CfnWebACL.StatementProperty.builder()
                .regexMatchStatement(CfnWebACL.RegexMatchStatementProperty.builder()
                        .regexString(TEST_CASE_CONTENT_PATHS)
                        .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder().uriPath(Map.of()).build())
                        .textTransformations(List.of(CfnWebACL.TextTransformationProperty.builder().priority(0).type("NONE").build()))
                        .build())
                .build();
        rules.add(CfnWebACL.RuleProperty.builder()
                .name("BodyRulesOutsideTestCaseContent")
                .priority(rules.size())
                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder().andStatement(CfnWebACL.AndStatementProperty.builder().statements(List.of(
                        CfnWebACL.StatementProperty.builder().orStatement(CfnWebACL.OrStatementProperty.builder().statements(flagged).build()).build(),
                        CfnWebACL.StatementProperty.builder().notStatement(CfnWebACL.NotStatementProperty.builder().statement(contentRoute).build()).build()))
                        .build()).build())
                .visibilityConfig(visibility("BodyRulesOutsideTestCaseContent"))
                .build());

        rules.add(CfnWebACL.RuleProperty.builder()
                .name("RateLimitPerIp")
                .priority(rules.size())
                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .limit(requestsPerIpPer5Minutes)
                                .aggregateKeyType("IP")
                                .build())
                        .build())
                .visibilityConfig(visibility("RateLimitPerIp"))
                .build());
        return rules;
    }

    private static void managed(List<CfnWebACL.RuleProperty> rules, String group, List<String> countOnly) {
        var statement = CfnWebACL.ManagedRuleGroupStatementProperty.builder().vendorName("AWS").name(group);
        if (!countOnly.isEmpty()) {
            statement.ruleActionOverrides(countOnly.stream().map(rule -> CfnWebACL.RuleActionOverrideProperty.builder()
                    .name(rule)
                    .actionToUse(CfnWebACL.RuleActionProperty.builder().count(CfnWebACL.CountActionProperty.builder().build()).build())
                    .build()).toList());
        }
        rules.add(CfnWebACL.RuleProperty.builder()
                .name(group)
                .priority(rules.size())
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                .statement(CfnWebACL.StatementProperty.builder().managedRuleGroupStatement(statement.build()).build())
                .visibilityConfig(visibility(group))
                .build());
    }

    /** The per-IP limit: context {@code wafRequestsPerIpPer5Minutes}, else {@value #DEFAULT_REQUESTS_PER_IP_PER_5_MINUTES}. */
    static int requestsPerIpPer5Minutes(software.constructs.Construct scope) {
        Object value = scope.getNode().tryGetContext("wafRequestsPerIpPer5Minutes");
        if (value == null || value.toString().isBlank()) return DEFAULT_REQUESTS_PER_IP_PER_5_MINUTES;
        int limit = Integer.parseInt(value.toString().strip());
        if (limit < 10 || limit > 2_000_000_000) throw new IllegalArgumentException("wafRequestsPerIpPer5Minutes must be 10 to 2000000000, got " + limit);
        return limit;
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .metricName(metricName).cloudWatchMetricsEnabled(true).sampledRequestsEnabled(true).build();
    }
}
