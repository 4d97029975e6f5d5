package dev.concierge.infrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static dev.concierge.infrastructure.SiteDomainTest.ZONE_ID;
import static dev.concierge.infrastructure.TemplateResources.json;
import static dev.concierge.infrastructure.TemplateResources.list;
import static dev.concierge.infrastructure.TemplateResources.map;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfAll;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfOnly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name users type, in Route 53: three apps synthesised once each — the public phase creating its certificate in
 * the zone, an internet-facing MVP admitting Route 53's health checkers, and an internal MVP (no health check).
 */
class Route53Test {
    private static InfraApp.ConciergeStacks publicSite;
    private static InfraApp.ConciergeStacks internetFacingMvp;
    private static InfraApp.ConciergeStacks internalMvp;

    @BeforeAll static void synthesise() {
        publicSite = SynthesisedEnvironments.devWith(Map.of("phase", "public",
                "domainName", "concierge.example.com", "hostedZoneId", ZONE_ID, "hostedZoneName", "example.com"));
        internetFacingMvp = SynthesisedEnvironments.devWith(Map.of("allowedCidrs", "203.0.113.0/24",
                "domainName", "concierge.example.com", "hostedZoneId", ZONE_ID, "hostedZoneName", "example.com",
                "healthCheckPrefixListId", "pl-0123456789abcdef0",
                "sharedIdentity", "false", "oidcIssuer", "https://login.example.com", "oidcClientId", "concierge",
                "oidcClientSecretName", "concierge/dev/oidc-client-secret"));
        internalMvp = SynthesisedEnvironments.devWith(Map.of(
                "domainName", "concierge.corp.example.com", "hostedZoneId", ZONE_ID, "hostedZoneName", "corp.example.com"));
    }

    @Test void the_name_is_an_alias_a_record_to_the_load_balancer_in_the_given_zone() {
        for (var site : List.of(publicSite, internetFacingMvp, internalMvp)) {
            Template edge = template(site.edge());
            Map<String, Object> record = propertiesOfOnly(edge, "AWS::Route53::RecordSet");
            assertThat(record).containsEntry("Type", "A").containsEntry("HostedZoneId", ZONE_ID);
            assertThat(record.get("Name")).isIn("concierge.example.com.", "concierge.corp.example.com.");
            assertThat(json(map(record.get("AliasTarget")).get("DNSName"))).contains("LoadBalancer").contains("DNSName");
            assertThat(json(map(record.get("AliasTarget")).get("HostedZoneId"))).contains("LoadBalancer").contains("CanonicalHostedZoneID");
        }
    }

    @Test void the_public_phase_without_a_certificate_arn_creates_one_validated_by_dns_in_the_zone() {
        Template edge = template(publicSite.edge());
        edge.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "concierge.example.com", "ValidationMethod", "DNS",
                "DomainValidationOptions", List.of(Map.of("DomainName", "concierge.example.com", "HostedZoneId", ZONE_ID))));
        Map<String, Object> https = propertiesOfAll(edge, "AWS::ElasticLoadBalancingV2::Listener").stream()
                .filter(listener -> Integer.valueOf(443).equals(listener.get("Port"))).findFirst().orElseThrow();
        assertThat(json(https.get("Certificates"))).contains("{\"Ref\":\"Certificate");
        // the MVP and a given certificateArn create none
        template(internetFacingMvp.edge()).resourceCountIs("AWS::CertificateManager::Certificate", 0);
        template(SynthesisedEnvironments.prod().edge()).resourceCountIs("AWS::CertificateManager::Certificate", 0);
    }

    @Test void route_53_checks_health_over_https_in_the_public_phase_from_us_east_1_with_an_alarm() {
        SiteHealthCheckStack stack = publicSite.siteHealthCheck().orElseThrow();
        assertThat(stack.getRegion()).isEqualTo("us-east-1");
        Template template = template(stack);
        template.hasResourceProperties("AWS::Route53::HealthCheck", Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "HTTPS", "FullyQualifiedDomainName", "concierge.example.com", "ResourcePath", "/health",
                "Port", 443, "EnableSNI", true))));
        Map<String, Object> alarm = propertiesOfOnly(template, "AWS::CloudWatch::Alarm");
        assertThat(alarm).containsEntry("Namespace", "AWS/Route53").containsEntry("MetricName", "HealthCheckStatus")
                .containsEntry("ComparisonOperator", "LessThanThreshold").containsEntry("AlarmName", "concierge-dev-site-unreachable");
        assertThat(json(alarm.get("Dimensions"))).contains("HealthCheckId").contains("{\"Ref\":\"Site");
    }

    @Test void the_alarm_reaches_the_critical_topic_through_the_home_regions_event_bus() {
        Template usEast1 = template(publicSite.siteHealthCheck().orElseThrow());
        Map<String, Object> forward = propertiesOfOnly(usEast1, "AWS::Events::Rule");
        assertThat(json(forward.get("EventPattern"))).contains("CloudWatch Alarm State Change").contains("concierge-dev-site-unreachable");
        assertThat(json(forward.get("Targets"))).contains(":events:ap-northeast-1:").contains(":event-bus/default");

        Template observability = template(publicSite.observability());
        Map<String, Object> notify = propertiesOfAll(observability, "AWS::Events::Rule").stream()
                .filter(rule -> json(rule.get("EventPattern")).contains("concierge-dev-site-unreachable")).findFirst().orElseThrow();
        assertThat(json(notify.get("Targets"))).contains("Critical");
        assertThat(json(notify.get("EventPattern"))).contains("us-east-1");
        // dev scales to zero at night: the rule is stopped then, as the home region's "site down" alarm is paused
        assertThat(propertiesOfAll(observability, "AWS::Scheduler::Schedule")).map(schedule -> json(schedule.get("Target")))
                .anySatisfy(target -> assertThat(target).contains("aws-sdk:eventbridge:disableRule").contains("SiteHealthSiteUnreachable"))
                .anySatisfy(target -> assertThat(target).contains("aws-sdk:eventbridge:enableRule"));
    }

    @Test void an_internet_facing_mvp_admits_route_53s_health_checkers_and_checks_over_http() {
        template(internetFacingMvp.siteHealthCheck().orElseThrow()).hasResourceProperties("AWS::Route53::HealthCheck",
                Map.of("HealthCheckConfig", Match.objectLike(Map.of("Type", "HTTP", "Port", 80, "ResourcePath", "/health"))));
        Template edge = template(internetFacingMvp.edge());
        // CDK writes a prefix-list rule inline or as a resource of its own, depending on its version
        List<Object> ingress = new java.util.ArrayList<>(list(propertiesOfOnly(edge, "AWS::EC2::SecurityGroup").get("SecurityGroupIngress")));
        ingress.addAll(propertiesOfAll(edge, "AWS::EC2::SecurityGroupIngress"));
        assertThat(ingress).anySatisfy(rule -> assertThat(map(rule)).containsEntry("SourcePrefixListId", "pl-0123456789abcdef0")
                .containsEntry("FromPort", 80).containsEntry("ToPort", 80));
        // the public phase is open to everyone already: no prefix list there
        assertThat(json(template(publicSite.edge()).toJSON())).doesNotContain("SourcePrefixListId");
    }

    @Test void an_internal_load_balancer_gets_no_health_check_because_route_53_cannot_reach_it() {
        assertThat(internalMvp.siteHealthCheck()).isEmpty();
        assertThat(internalMvp.all()).noneMatch(stack -> stack instanceof SiteHealthCheckStack);
        assertThat(propertiesOfAll(template(internalMvp.observability()), "AWS::Events::Rule"))
                .noneMatch(rule -> json(rule).contains("site-unreachable"));
    }

    @Test void without_a_domain_name_there_is_no_route_53_at_all() {
        InfraApp.ConciergeStacks dev = SynthesisedEnvironments.dev();
        assertThat(dev.siteHealthCheck()).isEmpty();
        template(dev.edge()).resourceCountIs("AWS::Route53::RecordSet", 0);
        template(dev.edge()).resourceCountIs("AWS::CertificateManager::Certificate", 0);
    }

    @Test void the_apps_sign_in_returns_users_to_the_domain_name() {
        Map<String, Object> webTask = propertiesOfAll(template(internetFacingMvp.compute()), "AWS::ECS::TaskDefinition").stream()
                .filter(task -> List.of("FARGATE").equals(task.get("RequiresCompatibilities"))).findFirst().orElseThrow();
        assertThat(ComputeStackTest.environment(ComputeStackTest.container(webTask, "app")))
                .containsEntry("PUBLIC_BASE_URL", "http://concierge.example.com");
    }

    @Test void cdk_nag_finds_nothing_unsuppressed_in_the_new_resources() {
        for (var site : List.of(publicSite, internetFacingMvp, internalMvp)) {
            for (Stack stack : site.all()) {
                template(stack);
                @SuppressWarnings("deprecation")
                var errors = Annotations.fromStack(stack).findError("*", Match.anyValue());
                assertThat(errors).as("errors in %s", stack.getStackName())
                        .map(error -> error.getId() + ": " + String.valueOf(error.getEntry().getData()).lines().findFirst().orElse(""))
                        .isEmpty();
            }
        }
    }

    private static Template template(Stack stack) {
        return SynthesisedEnvironments.template(stack);
    }
}
