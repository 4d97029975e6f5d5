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

class ComputeStackTest {
    private static Template dev;
    private static Template prod;

    @BeforeAll static void synthesise() {
        dev = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().compute());
        prod = SynthesisedEnvironments.template(SynthesisedEnvironments.prod().compute());
    }

    @Test void gpu_capacity_falls_back_from_g4dn_to_g6_to_g5_on_the_ecs_gpu_ami_with_an_encrypted_gp3_disk() {
        dev.hasResourceProperties("AWS::ECS::Cluster", Map.of("ClusterSettings",
                List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
        // seed 002: GPU 対応 EC2（g4dn.xlarge 以上推奨）
        Map<String, Object> group = propertiesOfOnly(dev, "AWS::AutoScaling::AutoScalingGroup");
        Map<String, Object> mixed = map(group.get("MixedInstancesPolicy"));
        assertThat(list(map(mixed.get("LaunchTemplate")).get("Overrides"))).map(o -> map(o).get("InstanceType"))
                .containsExactly("g4dn.xlarge", "g6.xlarge", "g5.xlarge");
        assertThat(map(mixed.get("InstancesDistribution"))).containsEntry("OnDemandAllocationStrategy", "prioritized");
        assertThat(json(group.get("VPCZoneIdentifier"))).contains("privateSubnet").doesNotContain("publicSubnet");
        Map<String, Object> launchTemplate = map(propertiesOfOnly(dev, "AWS::EC2::LaunchTemplate").get("LaunchTemplateData"));
        assertThat(json(launchTemplate.get("MetadataOptions"))).contains("\"HttpTokens\":\"required\"");
        assertThat(json(launchTemplate.get("BlockDeviceMappings"))).contains("\"Encrypted\":true").contains("\"VolumeType\":\"gp3\"");
        assertThat(json(dev.toJSON().get("Parameters"))).contains("/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id");
        assertThat(json(launchTemplate.get("UserData"))).contains("ECS_ENABLE_GPU_SUPPORT=true").contains("ECS_AWSVPC_BLOCK_IMDS=true");
        dev.hasResourceProperties("AWS::ECS::CapacityProvider", Map.of("AutoScalingGroupProvider", Match.objectLike(Map.of(
                "ManagedScaling", Match.objectLike(Map.of("Status", "ENABLED", "TargetCapacity", 100)),
                "ManagedDraining", "ENABLED"))));
    }

    @Test void the_web_tier_is_a_fargate_service_with_role_web_and_no_gpu_sized_as_seed_001() {
        // seed 001: dev 256 (0.25 vCPU) / 512 MB, prod 1024 (1 vCPU) / 2048 MB
        assertThat(webTask(dev)).containsEntry("Cpu", "256").containsEntry("Memory", "512");
        Map<String, Object> web = webTask(prod);
        assertThat(web).containsEntry("Cpu", "1024").containsEntry("Memory", "2048")
                .containsEntry("RequiresCompatibilities", List.of("FARGATE"));
        Map<String, Object> app = container(web, "app");
        assertThat(app.get("ResourceRequirements")).as("the web tier needs no GPU").isNull();
        assertThat(environment(app)).containsEntry("ROLE", "web").containsEntry("OLLAMA_BASE_URL", "http://model-server:11434");
        assertThat(json(app.get("HealthCheck"))).contains("http://localhost:8080/health");
        Map<String, Object> service = fargateService(prod);
        assertThat(service).containsEntry("DesiredCount", 2);
        assertThat(json(service.get("LoadBalancers"))).contains("\"ContainerName\":\"app\"").contains("\"ContainerPort\":8080");
        Map<String, Object> network = map(map(service.get("NetworkConfiguration")).get("AwsvpcConfiguration"));
        assertThat(network).containsEntry("AssignPublicIp", "DISABLED");
        assertThat(json(network.get("Subnets"))).contains("privateSubnet1").contains("privateSubnet2").doesNotContain("publicSubnet");
        assertThat(json(service.get("ServiceConnectConfiguration"))).contains("\"Enabled\":true");
    }

    @Test void the_web_tier_scales_on_cpu_70_memory_80_and_requests_from_2_to_10_in_prod_as_seed_004() {
        prod.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 2, "MaxCapacity", 10));
        dev.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 1, "MaxCapacity", 1));
        List<String> scaling = propertiesOfAll(prod, "AWS::ApplicationAutoScaling::ScalingPolicy").stream()
                .map(policy -> json(policy.get("TargetTrackingScalingPolicyConfiguration"))).toList();
        assertThat(scaling).anySatisfy(p -> assertThat(p).contains("ECSServiceAverageCPUUtilization").contains("\"TargetValue\":70"));
        assertThat(scaling).anySatisfy(p -> assertThat(p).contains("ECSServiceAverageMemoryUtilization").contains("\"TargetValue\":80"));
        assertThat(scaling).anySatisfy(p -> assertThat(p).contains("ALBRequestCountPerTarget").contains("\"TargetValue\":600"));
    }

    @Test void generation_tasks_run_workers_beside_the_model_server_on_the_gpu_published_over_service_connect() {
        Map<String, Object> task = generationTask(dev);
        assertThat(task).containsEntry("NetworkMode", "awsvpc").containsEntry("RequiresCompatibilities", List.of("EC2"));
        Map<String, Object> modelServer = container(task, "model-server");
        assertThat(modelServer.get("ResourceRequirements")).isEqualTo(List.of(Map.of("Type", "GPU", "Value", "1")));
        Map<String, Object> worker = container(task, "app");
        assertThat(worker.get("ResourceRequirements")).isNull();
        assertThat(environment(worker)).containsEntry("ROLE", "worker").containsEntry("OLLAMA_BASE_URL", "http://localhost:11434");
        assertThat(json(worker.get("DependsOn"))).contains("\"Condition\":\"HEALTHY\"").contains("\"ContainerName\":\"model-server\"");
        Map<String, Object> service = propertiesOfAll(dev, "AWS::ECS::Service").stream()
                .filter(s -> s.containsKey("CapacityProviderStrategy")).findFirst().orElseThrow();
        assertThat(json(service.get("ServiceConnectConfiguration"))).contains("\"PortName\":\"model-server\"")
                .contains("\"DnsName\":\"model-server\"").contains("\"Port\":11434");
        assertThat(service).containsEntry("DesiredCount", 0);
        dev.hasResourceProperties("AWS::ServiceDiscovery::HttpNamespace", Map.of("Name", "concierge-dev.internal"));
    }

    @Test void generation_scales_on_the_queue_metrics_with_statistic_maximum_and_goes_to_zero_in_dev() {
        dev.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 0, "MaxCapacity", 1));
        prod.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 1, "MaxCapacity", 4));
        List<Map<String, Object>> alarms = propertiesOfAll(dev, "AWS::CloudWatch::Alarm");
        assertThat(alarms).anySatisfy(alarm -> assertThat(alarm).containsEntry("MetricName", "GenerationJobsQueued")
                .containsEntry("Namespace", "Concierge/dev").containsEntry("Statistic", "Maximum")
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold").containsEntry("Threshold", 1));
        assertThat(alarms).anySatisfy(alarm -> assertThat(alarm).containsEntry("MetricName", "GenerationQueueOldestAgeSeconds")
                .containsEntry("Namespace", "Concierge/dev").containsEntry("Statistic", "Maximum"));
        assertThat(alarms).anySatisfy(alarm -> assertThat(json(alarm.get("Metrics"))).contains("queued + running")
                .contains("GenerationJobsRunning"));
        assertThat(propertiesOfAll(dev, "AWS::ApplicationAutoScaling::ScalingPolicy")).anySatisfy(policy ->
                assertThat(json(policy.get("StepScalingPolicyConfiguration"))).contains("\"AdjustmentType\":\"ExactCapacity\"")
                        .contains("\"ScalingAdjustment\":0"));
    }

    @Test void the_model_server_image_is_pinned_and_pulled_through_the_ecr_cache_and_answers_before_the_app_starts() {
        Map<String, Object> modelServer = container(generationTask(dev), "model-server");
        assertThat(json(modelServer.get("Image"))).contains("concierge-dev-docker-hub/ollama/ollama:0.12.6").doesNotContain("latest");
        assertThat(json(modelServer.get("HealthCheck"))).contains("ollama show");
        Map<String, Object> rule = propertiesOfOnly(SynthesisedEnvironments.template(SynthesisedEnvironments.dev().registry()),
                "AWS::ECR::PullThroughCacheRule");
        assertThat(rule).containsEntry("UpstreamRegistry", "docker-hub").containsEntry("EcrRepositoryPrefix", "concierge-dev-docker-hub")
                .containsEntry("CredentialArn", SynthesisedEnvironments.DOCKER_HUB_CREDENTIAL_ARN);
        String executionPolicies = json(propertiesOfAll(dev, "AWS::IAM::Policy"));
        assertThat(executionPolicies).contains("ecr:BatchImportUpstreamImage").contains("repository/concierge-dev-docker-hub/*");
    }

    @Test void model_weights_persist_on_an_encrypted_backed_up_file_system_mounted_at_root_ollama() {
        // seed 002: /root/.ollama、暗号化、日次スナップショット
        dev.hasResourceProperties("AWS::EFS::FileSystem", Map.of("Encrypted", true,
                "BackupPolicy", Map.of("Status", "ENABLED")));
        Map<String, Object> task = generationTask(dev);
        assertThat(json(task.get("Volumes"))).contains("\"TransitEncryption\":\"ENABLED\"").contains("\"Name\":\"model-weights\"");
        assertThat(container(task, "model-server").get("MountPoints")).isEqualTo(List.of(Map.of(
                "ContainerPath", "/root/.ollama", "ReadOnly", false, "SourceVolume", "model-weights")));
    }

    @Test void every_app_container_stores_files_in_s3_publishes_queue_metrics_and_reaches_aurora() {
        for (Map<String, Object> task : List.of(webTask(dev), generationTask(dev))) {
            Map<String, String> environment = environment(container(task, "app"));
            assertThat(environment).containsEntry("FILES_STORE", "s3").containsEntry("QUEUE_METRICS_NAMESPACE", "Concierge/dev")
                    .containsEntry("LLM_PROVIDER", "ollama").containsEntry("OLLAMA_MODEL", "qwen2.5:7b")
                    .containsEntry("LOG_FORMAT", "json").containsEntry("PORT", "8080").containsEntry("HOST", "0.0.0.0")
                    .containsEntry("AWS_REGION", "ap-northeast-1");
            assertThat(environment.get("FILES_BUCKET")).contains("FilesStoreFiles");
            assertThat(environment.get("DATABASE_URL")).contains("\"jdbc:postgresql://\"").contains("Concierge-dev-Data")
                    .contains("EndpointAddress").contains("EndpointPort").contains("\"/concierge\"");
        }
        assertThat(propertiesOfAll(dev, "AWS::IAM::Policy")).anySatisfy(policy -> assertThat(json(policy))
                .contains("RolesTask").contains("s3:PutObject").contains("FilesStoreFiles"));
    }

    @Test void the_mvp_identifies_users_with_the_apps_own_oidc_sign_in_and_the_public_phase_with_the_albs() {
        Map<String, Object> app = container(webTask(dev), "app");
        assertThat(environment(app)).containsEntry("AUTH_MODE", "oidc").containsEntry("OIDC_ISSUER", "https://login.example.com")
                .containsEntry("OIDC_CLIENT_ID", "concierge").containsEntry("PUBLIC_BASE_URL", "http://concierge.corp.example.com")
                .doesNotContainKey("ALB_SIGNER_ARN").doesNotContainKey("LOCAL_USER");
        assertThat(secrets(app)).containsKeys("OIDC_CLIENT_SECRET", "SESSION_SECRET");
        assertThat(secrets(app).get("OIDC_CLIENT_SECRET")).contains("secret:concierge/dev/oidc-client-secret");

        Map<String, String> prodEnvironment = environment(container(webTask(prod), "app"));
        assertThat(prodEnvironment).containsEntry("AUTH_MODE", "alb");
        assertThat(prodEnvironment.get("ALB_SIGNER_ARN")).contains("Concierge-prod-Edge").contains("LoadBalancer");
    }

    @Test void the_pool_connects_as_the_app_role_and_only_migrations_use_the_owner() {
        Map<String, Object> app = container(webTask(dev), "app");
        Map<String, String> secrets = secrets(app);
        assertThat(secrets.get("DATABASE_MIGRATION_USER")).contains("DatabaseSecretsMasterAttachment").contains(":username::");
        assertThat(secrets.get("DATABASE_MIGRATION_PASSWORD")).contains("DatabaseSecretsMasterAttachment").contains(":password::");
        assertThat(secrets.get("DATABASE_USER")).contains("DatabaseSecretsApp").contains(":username::");
        assertThat(secrets.get("DATABASE_PASSWORD")).contains("DatabaseSecretsApp").contains(":password::");
        assertThat(secrets.get("OPENAI_API_KEY")).contains("OpenAiApiKey");
        assertThat(environment(app).keySet()).doesNotContainAnyElementsOf(secrets.keySet());
    }

    @Test void only_the_tasks_reach_the_database_and_only_the_web_tier_reaches_the_model_server() {
        List<String> ingress = propertiesOfAll(dev, "AWS::EC2::SecurityGroupIngress").stream().map(TemplateResources::json).toList();
        assertThat(ingress).anySatisfy(rule -> assertThat(rule).contains("\"FromPort\":5432")
                .contains("Concierge-dev-Data").contains("WebSecurityGroup"));
        assertThat(ingress).anySatisfy(rule -> assertThat(rule).contains("\"FromPort\":5432")
                .contains("Concierge-dev-Data").contains("GenerationSecurityGroup"));
        assertThat(ingress).anySatisfy(rule -> assertThat(rule).contains("\"FromPort\":8080")
                .contains("Concierge-dev-Edge").contains("WebSecurityGroup"));
        assertThat(ingress).anySatisfy(rule -> assertThat(rule).contains("\"FromPort\":11434")
                .contains("GenerationSecurityGroup").contains("WebSecurityGroup"));
        assertThat(ingress).noneSatisfy(rule -> assertThat(rule).contains("0.0.0.0/0"));
    }

    @Test void logs_are_kept_for_the_environments_retention() {
        // the app's own lines go through FireLens (LogPipelineTest); the model server logs straight to CloudWatch
        dev.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/concierge/dev/model-server", "RetentionInDays", 7));
        prod.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/concierge/prod/model-server", "RetentionInDays", 30));
    }

    private static Map<String, Object> webTask(Template template) {
        return propertiesOfAll(template, "AWS::ECS::TaskDefinition").stream()
                .filter(task -> List.of("FARGATE").equals(task.get("RequiresCompatibilities"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> generationTask(Template template) {
        return propertiesOfAll(template, "AWS::ECS::TaskDefinition").stream()
                .filter(task -> List.of("EC2").equals(task.get("RequiresCompatibilities"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> fargateService(Template template) {
        return propertiesOfAll(template, "AWS::ECS::Service").stream()
                .filter(service -> "FARGATE".equals(service.get("LaunchType"))).findFirst().orElseThrow();
    }

    static Map<String, Object> container(Map<String, Object> taskDefinition, String name) {
        return list(taskDefinition.get("ContainerDefinitions")).stream().map(TemplateResources::map)
                .filter(container -> name.equals(container.get("Name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    /** Name to value; values that are intrinsic functions come as their JSON. */
    static Map<String, String> environment(Map<String, Object> container) {
        return namedValues(container.get("Environment"), "Value");
    }

    static Map<String, String> secrets(Map<String, Object> container) {
        return namedValues(container.get("Secrets"), "ValueFrom");
    }

    private static Map<String, String> namedValues(Object entries, String valueKey) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Object entry : entries == null ? List.of() : list(entries)) {
            Object value = map(entry).get(valueKey);
            values.put((String) map(entry).get("Name"), value instanceof String text ? text : json(value));
        }
        return values;
    }
}
