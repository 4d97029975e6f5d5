package dev.concierge.infrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static dev.concierge.infrastructure.TemplateResources.json;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfAll;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfOnly;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkStackTest {
    private static Template dev;
    private static Template prod;

    @BeforeAll static void synthesise() {
        dev = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().network());
        prod = SynthesisedEnvironments.template(SynthesisedEnvironments.prod().network());
    }

    @Test void one_vpc_with_public_private_and_isolated_subnets_in_two_zones() {
        dev.resourceCountIs("AWS::EC2::VPC", 1);
        dev.resourceCountIs("AWS::EC2::Subnet", 6);
        for (String type : List.of("Public", "Private", "Isolated")) {
            assertThat(dev.findResources("AWS::EC2::Subnet", Map.of("Properties", Map.of("Tags",
                    Match.arrayWith(List.of(Map.of("Key", "aws-cdk:subnet-type", "Value", type)))))))
                    .as("%s subnets", type).hasSize(2);
        }
        assertThat(dev.findResources("AWS::EC2::Subnet", Map.of("Properties", Map.of("MapPublicIpOnLaunch", true))))
                .as("subnets giving public IPs").hasSize(2);
    }

    @Test void the_vpc_ranges_are_seed_001s_dev_10_0_and_prod_10_2() {
        dev.hasResourceProperties("AWS::EC2::VPC", Map.of("CidrBlock", "10.0.0.0/16"));
        prod.hasResourceProperties("AWS::EC2::VPC", Map.of("CidrBlock", "10.2.0.0/16"));
    }

    @Test void dev_has_one_nat_gateway_and_prod_one_per_zone() {
        dev.resourceCountIs("AWS::EC2::NatGateway", 1);
        prod.resourceCountIs("AWS::EC2::NatGateway", 2);
    }

    @Test void s3_is_reached_through_a_gateway_endpoint_and_ecr_secrets_and_logs_through_interface_endpoints() {
        List<Map<String, Object>> endpoints = propertiesOfAll(dev, "AWS::EC2::VPCEndpoint");
        assertThat(endpoints).hasSize(5);

        assertThat(endpoints.stream().filter(e -> "Gateway".equals(e.get("VpcEndpointType"))).map(e -> json(e.get("ServiceName"))))
                .singleElement().asString().contains(".s3");
        List<Map<String, Object>> interfaces = endpoints.stream().filter(e -> "Interface".equals(e.get("VpcEndpointType"))).toList();
        assertThat(interfaces).map(e -> json(e.get("ServiceName")))
                .containsExactlyInAnyOrder("\"com.amazonaws.ap-northeast-1.ecr.api\"", "\"com.amazonaws.ap-northeast-1.ecr.dkr\"",
                        "\"com.amazonaws.ap-northeast-1.secretsmanager\"", "\"com.amazonaws.ap-northeast-1.logs\"");
        assertThat(interfaces).allSatisfy(endpoint -> {
            assertThat(endpoint.get("PrivateDnsEnabled")).isEqualTo(true);
            assertThat(json(endpoint.get("SubnetIds"))).contains("privateSubnet1").contains("privateSubnet2")
                    .doesNotContain("publicSubnet").doesNotContain("databaseSubnet");
        });
    }

    @Test void all_traffic_is_flow_logged_with_the_environments_audit_retention() {
        Map<String, Object> flowLog = propertiesOfOnly(dev, "AWS::EC2::FlowLog");
        assertThat(flowLog).containsEntry("TrafficType", "ALL").containsEntry("LogDestinationType", "cloud-watch-logs");
        dev.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 7));
        prod.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
    }
}
