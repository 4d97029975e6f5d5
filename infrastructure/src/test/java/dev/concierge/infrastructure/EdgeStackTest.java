package dev.concierge.infrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static dev.concierge.infrastructure.TemplateResources.json;
import static dev.concierge.infrastructure.TemplateResources.list;
import static dev.concierge.infrastructure.TemplateResources.map;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfAll;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfOnly;
import static org.assertj.core.api.Assertions.assertThat;

class EdgeStackTest {
    private static Template mvp;
    private static Template publicPhase;

    @BeforeAll static void synthesise() {
        mvp = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().edge());
        publicPhase = SynthesisedEnvironments.template(SynthesisedEnvironments.prod().edge());
    }

    @Test void the_public_phase_has_an_internet_facing_load_balancer_in_the_public_subnets_logging_access() {
        Map<String, Object> internetFacing = propertiesOfOnly(publicPhase, "AWS::ElasticLoadBalancingV2::LoadBalancer");
        assertThat(internetFacing).containsEntry("Scheme", "internet-facing").containsEntry("Type", "application");
        assertThat(json(internetFacing.get("Subnets"))).contains("publicSubnet1").contains("publicSubnet2").doesNotContain("privateSubnet");
        Map<String, Object> loadBalancer = propertiesOfOnly(mvp, "AWS::ElasticLoadBalancingV2::LoadBalancer");
        assertThat(json(loadBalancer.get("LoadBalancerAttributes")))
                .contains("{\"Key\":\"routing.http.drop_invalid_header_fields.enabled\",\"Value\":\"true\"}")
                .contains("{\"Key\":\"access_logs.s3.enabled\",\"Value\":\"true\"}")
                .contains("{\"Key\":\"deletion_protection.enabled\",\"Value\":\"false\"}");
        assertThat(json(propertiesOfOnly(publicPhase, "AWS::ElasticLoadBalancingV2::LoadBalancer").get("LoadBalancerAttributes")))
                .contains("{\"Key\":\"deletion_protection.enabled\",\"Value\":\"true\"}");
    }

    @Test void an_mvp_for_seed_002s_private_corporate_range_gets_an_internal_load_balancer_in_the_private_subnets() {
        Map<String, Object> loadBalancer = propertiesOfOnly(mvp, "AWS::ElasticLoadBalancingV2::LoadBalancer");
        assertThat(loadBalancer).containsEntry("Scheme", "internal");
        assertThat(json(loadBalancer.get("Subnets"))).contains("privateSubnet1").contains("privateSubnet2").doesNotContain("publicSubnet");
    }

    @Test void one_target_group_serves_backend_and_ui_checked_on_health() {
        mvp.resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 1);
        mvp.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "Port", 8080, "Protocol", "HTTP", "TargetType", "ip",
                "HealthCheckPath", "/health", "Matcher", Map.of("HttpCode", "200")));
    }

    @Test void mvp_listens_on_http_only_and_only_for_the_corporate_networks() {
        Map<String, Object> listener = propertiesOfOnly(mvp, "AWS::ElasticLoadBalancingV2::Listener");
        assertThat(listener).containsEntry("Port", 80).containsEntry("Protocol", "HTTP");
        assertThat(json(listener.get("DefaultActions"))).contains("\"Type\":\"forward\"").contains("ConciergeService");

        List<Object> ingress = list(propertiesOfOnly(mvp, "AWS::EC2::SecurityGroup").get("SecurityGroupIngress"));
        assertThat(ingress).map(rule -> map(rule).get("CidrIp")).containsExactlyInAnyOrderElementsOf(
                List.copyOf(SynthesisedEnvironments.CORPORATE_CIDRS));
        assertThat(ingress).allSatisfy(rule -> assertThat(map(rule)).containsEntry("FromPort", 80).containsEntry("ToPort", 80));
    }

    @Test void mvp_sends_health_and_api_to_the_backend_and_everything_else_to_the_ui() {
        List<Map<String, Object>> rules = propertiesOfAll(mvp, "AWS::ElasticLoadBalancingV2::ListenerRule");
        assertThat(rules).map(rule -> json(rule.get("Conditions")))
                .containsExactlyInAnyOrder(pathCondition("/health"), pathCondition("/api/calendar-feeds/*"), pathCondition("/api/*"));
        assertThat(rules).allSatisfy(rule -> {
            assertThat(json(rule.get("Actions"))).contains("\"Type\":\"forward\"").doesNotContain("authenticate");
        });
    }

    @Test void public_phase_forwards_calendar_feeds_without_sign_in_before_the_api_rule_asks_for_it() {
        List<Map<String, Object>> rules = propertiesOfAll(publicPhase, "AWS::ElasticLoadBalancingV2::ListenerRule");
        Map<String, Object> feeds = rules.stream().filter(rule -> json(rule.get("Conditions")).contains("/api/calendar-feeds/*")).findFirst().orElseThrow();
        Map<String, Object> api = rules.stream().filter(rule -> json(rule.get("Conditions")).contains("\"/api/*\"")).findFirst().orElseThrow();
        assertThat(json(feeds.get("Conditions"))).isEqualTo(pathCondition("/api/calendar-feeds/*"));
        assertThat(json(feeds.get("Actions"))).contains("\"Type\":\"forward\"").doesNotContain("authenticate");
        assertThat(((Number) feeds.get("Priority")).intValue()).isLessThan(((Number) api.get("Priority")).intValue());
        assertThat(json(api.get("Actions"))).contains("authenticate-oidc");
        // The same listener: the HTTPS one that signs everything else in.
        assertThat(json(feeds.get("ListenerArn"))).isEqualTo(json(api.get("ListenerArn")));
    }

    @Test void public_phase_serves_https_with_the_certificate_and_redirects_http() {
        Map<String, Object> https = listenerOnPort(publicPhase, 443);
        assertThat(https).containsEntry("Protocol", "HTTPS");
        assertThat(json(https.get("Certificates"))).contains(SynthesisedEnvironments.CERTIFICATE_ARN);
        assertThat(https.get("SslPolicy").toString()).startsWith("ELBSecurityPolicy-TLS13");

        Map<String, Object> http = listenerOnPort(publicPhase, 80);
        assertThat(http).containsEntry("Protocol", "HTTP");
        publicPhase.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "DefaultActions", List.of(
                Map.of("Type", "redirect", "RedirectConfig", Map.of("Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))));

        List<Object> ingress = list(propertiesOfOnly(publicPhase, "AWS::EC2::SecurityGroup").get("SecurityGroupIngress"));
        assertThat(ingress).map(rule -> map(rule).get("FromPort") + " " + map(rule).get("CidrIp"))
                .contains("443 0.0.0.0/0", "80 0.0.0.0/0");
    }

    @Test void public_phase_signs_users_in_with_oidc_except_on_health_and_answers_401_on_the_api() {
        assertThat(json(listenerOnPort(publicPhase, 443).get("DefaultActions")))
                .contains("\"Type\":\"authenticate-oidc\"").contains("\"OnUnauthenticatedRequest\":\"authenticate\"")
                .contains("\"Issuer\":\"https://login.example.com\"").contains("\"Type\":\"forward\"")
                .contains("{{resolve:secretsmanager:concierge/prod/oidc-client-secret:SecretString:::}}");
        publicPhase.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/api/*")))),
                "Actions", Match.arrayWith(List.of(Match.objectLike(Map.of("Type", "authenticate-oidc",
                        "AuthenticateOidcConfig", Match.objectLike(Map.of("OnUnauthenticatedRequest", "deny"))))))));
        publicPhase.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/health")))),
                "Actions", List.of(Match.objectLike(Map.of("Type", "forward")))));
    }

    @Test void a_waf_web_acl_with_aws_managed_rules_and_a_per_ip_rate_limit_guards_the_load_balancer() {
        for (Template template : List.of(mvp, publicPhase)) {
            Map<String, Object> webAcl = propertiesOfOnly(template, "AWS::WAFv2::WebACL");
            assertThat(webAcl).containsEntry("Scope", "REGIONAL");
            assertThat(list(webAcl.get("Rules"))).map(rule -> map(rule).get("Name")).containsExactly(
                    "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
                    "AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesSQLiRuleSet", "BodyRulesOutsideTestCaseContent",
                    "RateLimitPerIp");
            template.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
            template.hasResourceProperties("AWS::WAFv2::LoggingConfiguration", Map.of());
        }
        // an office behind one egress address shares one IP: the default limit is the office's
        assertThat(json(propertiesOfOnly(mvp, "AWS::WAFv2::WebACL").get("Rules")))
                .contains("{\"RateBasedStatement\":{\"AggregateKeyType\":\"IP\",\"Limit\":10000}}")
                .contains("{\"ActionToUse\":{\"Count\":{}},\"Name\":\"SizeRestrictions_BODY\"}");
        // pasted test cases and CSV imports may hold <script> or ' OR 1=1: body rules count, then block elsewhere only
        String rules = json(propertiesOfOnly(publicPhase, "AWS::WAFv2::WebACL").get("Rules"));
        for (String bodyRule : List.of("CrossSiteScripting_BODY", "SQLi_BODY", "SQLiExtendedPatterns_BODY")) {
            assertThat(rules).contains("{\"ActionToUse\":{\"Count\":{}},\"Name\":\"" + bodyRule + "\"}");
        }
        Map<String, Object> scoped = list(propertiesOfOnly(publicPhase, "AWS::WAFv2::WebACL").get("Rules")).stream().map(TemplateResources::map)
                .filter(rule -> rule.get("Name").equals("BodyRulesOutsideTestCaseContent")).findFirst().orElseThrow();
        assertThat(json(scoped.get("Action"))).contains("Block");
        assertThat(json(scoped.get("Statement"))).contains("awswaf:managed:aws:sql-database:SQLi_Body")
                .contains("awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body").contains("NotStatement")
                .contains(WebAclRules.TEST_CASE_CONTENT_PATHS.replace("\\", "\\\\"));
        java.util.regex.Pattern contentPaths = java.util.regex.Pattern.compile(WebAclRules.TEST_CASE_CONTENT_PATHS);
        assertThat(List.of("/api/suites/12/imports", "/api/suites/12/test-cases", "/api/test-cases/7", "/api/test-cases/7/procedure"))
                .allMatch(path -> contentPaths.matcher(path).matches());
        assertThat(List.of("/api/things", "/api/trips/3/chat", "/api/suites/12/imports/x")).noneMatch(path -> contentPaths.matcher(path).matches());
        mvp.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "aws-waf-logs-concierge-dev", "RetentionInDays", 7));
        publicPhase.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "aws-waf-logs-concierge-prod", "RetentionInDays", 90));
    }

    private static Map<String, Object> listenerOnPort(Template template, int port) {
        return propertiesOfAll(template, "AWS::ElasticLoadBalancingV2::Listener").stream()
                .filter(listener -> Integer.valueOf(port).equals(listener.get("Port"))).findFirst()
                .orElseThrow(() -> new AssertionError("no listener on port " + port));
    }

    private static String pathCondition(String path) {
        return "[{\"Field\":\"path-pattern\",\"PathPatternConfig\":{\"Values\":[\"" + path + "\"]}}]";
    }
}
