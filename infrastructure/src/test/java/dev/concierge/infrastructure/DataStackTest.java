package dev.concierge.infrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static dev.concierge.infrastructure.TemplateResources.json;
import static dev.concierge.infrastructure.TemplateResources.map;
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
        Map<String, Object> securityGroup = propertiesOfAll(dev, "AWS::EC2::SecurityGroup").stream()
                .filter(group -> String.valueOf(group.get("GroupDescription")).startsWith("Aurora")).findFirst().orElseThrow();
        assertThat(securityGroup.get("SecurityGroupIngress")).as("no ingress until compute admits the tasks").isNull();
        List<String> ingress = propertiesOfAll(dev, "AWS::EC2::SecurityGroupIngress").stream().map(TemplateResources::json).toList();
        assertThat(ingress).as("only the secret rotation, from this stack").singleElement().satisfies(rule ->
                assertThat(rule).contains("\"FromPort\":5432").contains("RotationSecurityGroup"));
    }

    @Test void the_owner_and_the_app_role_have_generated_secrets_and_an_api_key_secret_awaits_its_value() {
        // CONTRACT-19: concierge/<env>/database (the owner) and concierge/<env>/database-app (username concierge_app)
        dev.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "concierge/dev/database",
                "GenerateSecretString", Match.objectLike(Map.of(
                        "SecretStringTemplate", "{\"username\":\"concierge\"}", "GenerateStringKey", "password"))));
        dev.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "concierge/dev/database-app",
                "GenerateSecretString", Match.objectLike(Map.of(
                        "SecretStringTemplate", "{\"username\":\"concierge_app\"}", "GenerateStringKey", "password"))));
        dev.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "concierge/dev/openai-api-key"));
        dev.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "concierge/dev/session-secret"));
        dev.resourceCountIs("AWS::SecretsManager::SecretTargetAttachment", 1);
        prod.resourceCountIs("AWS::SecretsManager::Secret", 3); // no session secret: the ALB signs users in
    }

    @Test void the_master_secret_rotates_with_the_hosted_single_user_rotation_and_prod_keeps_it_and_a_snapshot() {
        // seed 001: DATABASE_URL の認証情報は Secrets Manager（自動ローテーション対応）
        dev.hasResourceProperties("AWS::SecretsManager::RotationSchedule", Map.of(
                "HostedRotationLambda", Match.objectLike(Map.of("RotationType", "PostgreSQLSingleUser")),
                "RotationRules", Map.of("ScheduleExpression", "rate(30 days)")));
        assertThat(json(dev.toJSON().get("Transform"))).contains("AWS::SecretsManager");
        assertThat(prod.findResources("AWS::SecretsManager::Secret", Map.of(
                "Properties", Map.of("Name", "concierge/prod/database"), "DeletionPolicy", "Retain"))).hasSize(1);
        assertThat(prod.findResources("AWS::RDS::DBCluster", Map.of("DeletionPolicy", "Snapshot"))).hasSize(1);
    }

    @Test void files_live_in_an_encrypted_private_versioned_bucket_reached_only_over_tls() {
        // seed 001: 生成されたファイルは S3
        Map<String, Object> files = dev.findResources("AWS::S3::Bucket", Map.of("Properties",
                Map.of("VersioningConfiguration", Map.of("Status", "Enabled")))).values().stream()
                .map(resource -> map(map(resource).get("Properties"))).findFirst().orElseThrow();
        assertThat(json(files.get("BucketEncryption"))).contains("AES256");
        assertThat(files.get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(json(files.get("LifecycleConfiguration"))).contains("\"NoncurrentDays\":30").contains("\"DaysAfterInitiation\":1");
        assertThat(json(files.get("LoggingConfiguration"))).contains("DestinationBucketName");
        assertThat(propertiesOfAll(dev, "AWS::S3::BucketPolicy")).anySatisfy(policy ->
                assertThat(json(policy)).contains("\"aws:SecureTransport\":\"false\"").contains("FilesStoreFiles"));
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
