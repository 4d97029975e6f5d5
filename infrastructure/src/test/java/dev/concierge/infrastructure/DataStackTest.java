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

class DataStackTest {
    private static Template dev;
    private static Template prod;

    @BeforeAll static void synthesise() {
        dev = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().data());
        prod = SynthesisedEnvironments.template(SynthesisedEnvironments.prod().data());
    }

    @Test void aurora_postgresql_17_encrypted_with_a_rotating_customer_key() {
        Map<String, Object> cluster = propertiesOfOnly(dev, "AWS::RDS::DBCluster");
        assertThat(cluster).containsEntry("Engine", "aurora-postgresql").containsEntry("StorageEncrypted", true)
                .containsEntry("DatabaseName", "concierge").containsEntry("Port", 5432);
        assertThat(cluster.get("EngineVersion").toString()).startsWith("17.");
        assertThat(json(cluster.get("KmsKeyId"))).contains("DataKey");
        dev.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        assertThat(json(cluster.get("EnableCloudwatchLogsExports"))).isEqualTo("[\"postgresql\"]");
    }

    @Test void a_writer_and_a_reader_and_in_prod_the_reader_is_in_another_zone() {
        assertThat(zonesOfInstances(dev)).containsExactlyInAnyOrder(0, 0);
        assertThat(zonesOfInstances(prod)).containsExactlyInAnyOrder(0, 1);
        for (Template template : List.of(dev, prod)) {
            assertThat(propertiesOfAll(template, "AWS::RDS::DBInstance")).allSatisfy(instance -> {
                assertThat(instance).containsEntry("Engine", "aurora-postgresql").containsEntry("EnablePerformanceInsights", true);
                assertThat(instance.get("PubliclyAccessible")).isEqualTo(false);
            });
        }
        assertThat(propertiesOfAll(dev, "AWS::RDS::DBInstance")).allSatisfy(i -> assertThat(i).containsEntry("DBInstanceClass", "db.t4g.medium"));
        assertThat(propertiesOfAll(prod, "AWS::RDS::DBInstance")).allSatisfy(i -> assertThat(i).containsEntry("DBInstanceClass", "db.r6g.large"));
    }

    @Test void backups_and_deletion_protection_follow_the_environment() {
        dev.hasResourceProperties("AWS::RDS::DBCluster", Map.of("BackupRetentionPeriod", 7, "DeletionProtection", false));
        prod.hasResourceProperties("AWS::RDS::DBCluster", Map.of("BackupRetentionPeriod", 30, "DeletionProtection", true));
        prod.hasResource("AWS::RDS::DBCluster", Map.of("DeletionPolicy", "Snapshot"));
        dev.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/rds/cluster/concierge-dev/postgresql", "RetentionInDays", 7));
        prod.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/rds/cluster/concierge-prod/postgresql", "RetentionInDays", 30));
    }

    @Test void the_database_lives_in_the_isolated_subnets_and_only_over_tls() {
        assertThat(json(propertiesOfOnly(dev, "AWS::RDS::DBSubnetGroup").get("SubnetIds")))
                .contains("databaseSubnet1").contains("databaseSubnet2").doesNotContain("privateSubnet").doesNotContain("publicSubnet");
        dev.hasResourceProperties("AWS::RDS::DBClusterParameterGroup", Map.of("Parameters", Map.of("rds.force_ssl", "1")));
        Map<String, Object> securityGroup = propertiesOfOnly(dev, "AWS::EC2::SecurityGroup");
        assertThat(securityGroup.get("SecurityGroupIngress")).as("no ingress until compute admits the tasks").isNull();
    }

    @Test void credentials_are_generated_into_secrets_manager_and_an_api_key_secret_awaits_its_value() {
        dev.resourceCountIs("AWS::SecretsManager::Secret", 2);
        dev.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "concierge/dev/database",
                "GenerateSecretString", Match.objectLike(Map.of(
                        "SecretStringTemplate", "{\"username\":\"concierge\"}", "GenerateStringKey", "password"))));
        dev.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "concierge/dev/openai-api-key"));
        dev.resourceCountIs("AWS::SecretsManager::SecretTargetAttachment", 1);
    }

    /** Index of each instance's zone in Fn::GetAZs. */
    private static List<Integer> zonesOfInstances(Template template) {
        return propertiesOfAll(template, "AWS::RDS::DBInstance").stream().map(instance -> {
            String zone = json(instance.get("AvailabilityZone"));
            assertThat(zone).contains("Fn::GetAZs");
            return Integer.parseInt(zone.replaceAll(".*\"Fn::Select\":\\[(\\d+),.*", "$1"));
        }).toList();
    }
}
