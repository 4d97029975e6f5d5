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

    @Test void the_cluster_has_container_insights_and_gpu_instances_from_the_ecs_gpu_ami() {
        dev.hasResourceProperties("AWS::ECS::Cluster", Map.of("ClusterSettings",
                List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
        Map<String, Object> launchTemplate = map(propertiesOfOnly(dev, "AWS::EC2::LaunchTemplate").get("LaunchTemplateData"));
        assertThat(launchTemplate).containsEntry("InstanceType", "g4dn.xlarge");
        assertThat(json(launchTemplate.get("MetadataOptions"))).contains("\"HttpTokens\":\"required\"");
        assertThat(json(launchTemplate.get("BlockDeviceMappings"))).contains("\"Encrypted\":true");
        assertThat(json(launchTemplate.get("ImageId"))).contains("ecs").contains("gpu");
        assertThat(json(dev.toJSON().get("Parameters"))).contains("/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id");
        assertThat(json(launchTemplate.get("UserData"))).contains("ECS_ENABLE_GPU_SUPPORT=true").contains("ECS_AWSVPC_BLOCK_IMDS=true");

        assertThat(json(propertiesOfOnly(dev, "AWS::AutoScaling::AutoScalingGroup").get("VPCZoneIdentifier")))
                .contains("privateSubnet").doesNotContain("publicSubnet");
        dev.resourceCountIs("AWS::ECS::CapacityProvider", 1);
        dev.hasResourceProperties("AWS::ECS::CapacityProvider", Map.of("AutoScalingGroupProvider", Match.objectLike(Map.of(
                "ManagedScaling", Match.objectLike(Map.of("Status", "ENABLED", "TargetCapacity", 100)),
                "ManagedDraining", "ENABLED"))));
    }

    @Test void the_task_runs_the_app_beside_an_ollama_sidecar_that_owns_the_gpu_and_keeps_models_on_a_volume() {
        Map<String, Object> task = propertiesOfOnly(dev, "AWS::ECS::TaskDefinition");
        assertThat(task).containsEntry("NetworkMode", "awsvpc").containsEntry("RequiresCompatibilities", List.of("EC2"));

        Map<String, Object> ollama = container(task, "ollama");
        assertThat(ollama.get("ResourceRequirements")).isEqualTo(List.of(Map.of("Type", "GPU", "Value", "1")));
        assertThat(ollama.get("MountPoints")).isEqualTo(List.of(Map.of(
                "ContainerPath", "/root/.ollama", "ReadOnly", false, "SourceVolume", "ollama-models")));
        assertThat(json(task.get("Volumes"))).contains("\"Name\":\"ollama-models\"").contains("SourcePath");

        Map<String, Object> app = container(task, "app");
        assertThat(app.get("ResourceRequirements")).as("the app needs no GPU").isNull();
        assertThat(json(app.get("PortMappings"))).contains("\"ContainerPort\":8080");
        assertThat(json(app.get("DependsOn"))).contains("\"Condition\":\"HEALTHY\"").contains("\"ContainerName\":\"ollama\"");
        assertThat(json(app.get("HealthCheck"))).contains("http://localhost:8080/health");
        assertThat(json(app.get("Image"))).contains("AppImages").contains(":latest");
    }

    @Test void the_app_reaches_ollama_on_localhost_the_database_on_aurora_and_logs_json() {
        Map<String, String> environment = environment(container(propertiesOfOnly(dev, "AWS::ECS::TaskDefinition"), "app"));
        assertThat(environment).containsEntry("OLLAMA_BASE_URL", "http://localhost:11434")
                .containsEntry("LLM_PROVIDER", "ollama").containsEntry("OLLAMA_MODEL", "qwen2.5:7b")
                .containsEntry("LOG_FORMAT", "json").containsEntry("PORT", "8080").containsEntry("AWS_REGION", "ap-northeast-1");
        assertThat(environment.get("DATABASE_URL")).contains("\"jdbc:postgresql://\"").contains("Concierge-dev-Data")
                .contains("\":5432/concierge\"");
        assertThat(environment).containsEntry("AUTH_MODE", "local").doesNotContainKey("ALB_SIGNER_ARN");

        Map<String, String> prodEnvironment = environment(container(propertiesOfOnly(prod, "AWS::ECS::TaskDefinition"), "app"));
        assertThat(prodEnvironment).containsEntry("AUTH_MODE", "alb");
        assertThat(prodEnvironment.get("ALB_SIGNER_ARN")).contains("Concierge-prod-Edge").contains("LoadBalancer");
    }

    @Test void secrets_come_from_secrets_manager_never_as_plain_environment() {
        Map<String, Object> app = container(propertiesOfOnly(dev, "AWS::ECS::TaskDefinition"), "app");
        Map<String, String> secrets = secrets(app);
        assertThat(secrets).containsOnlyKeys("DATABASE_USER", "DATABASE_PASSWORD", "OPENAI_API_KEY");
        assertThat(secrets.get("DATABASE_USER")).contains("DatabaseSecretAttachment").contains(":username::");
        assertThat(secrets.get("DATABASE_PASSWORD")).contains("DatabaseSecretAttachment").contains(":password::");
        assertThat(secrets.get("OPENAI_API_KEY")).contains("OpenAiApiKey");
        assertThat(environment(app).keySet()).doesNotContainAnyElementsOf(secrets.keySet());
    }

    @Test void execution_and_task_roles_are_separate_and_the_task_role_only_writes_logs_and_traces() {
        Map<String, Object> task = propertiesOfOnly(dev, "AWS::ECS::TaskDefinition");
        assertThat(json(task.get("ExecutionRoleArn"))).contains("ExecutionRole");
        assertThat(json(task.get("TaskRoleArn"))).contains("TaskRole");

        List<Map<String, Object>> policies = propertiesOfAll(dev, "AWS::IAM::Policy");
        // the log router and the trace collector act with the task role: the archive, two log groups, X-Ray
        assertThat(policies.stream().filter(policy -> json(policy.get("Roles")).contains("TaskRole"))
                .map(policy -> json(policy.get("PolicyDocument")))).allSatisfy(document -> assertThat(document)
                .doesNotContain("secretsmanager").doesNotContain("\"Action\":\"*\"").doesNotContain("\"s3:*\""));
        String executionPolicy = policies.stream().filter(p -> json(p.get("Roles")).contains("ExecutionRole"))
                .map(p -> json(p.get("PolicyDocument"))).findFirst().orElseThrow();
        assertThat(executionPolicy).contains("secretsmanager:GetSecretValue").contains("ecr:BatchGetImage")
                .contains("logs:PutLogEvents").doesNotContain("\"Action\":\"*\"");
    }

    @Test void the_service_runs_in_private_subnets_and_scales_on_cpu_and_requests() {
        Map<String, Object> service = propertiesOfOnly(dev, "AWS::ECS::Service");
        Map<String, Object> network = map(map(service.get("NetworkConfiguration")).get("AwsvpcConfiguration"));
        assertThat(network).containsEntry("AssignPublicIp", "DISABLED");
        assertThat(json(network.get("Subnets"))).contains("privateSubnet1").contains("privateSubnet2").doesNotContain("publicSubnet");
        assertThat(json(service.get("LoadBalancers"))).contains("\"ContainerName\":\"app\"").contains("\"ContainerPort\":8080");

        dev.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 1, "MaxCapacity", 1));
        prod.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 2, "MaxCapacity", 4));
        prod.hasResourceProperties("AWS::ECS::Service", Map.of("DesiredCount", 2));
        List<String> scaling = propertiesOfAll(prod, "AWS::ApplicationAutoScaling::ScalingPolicy").stream()
                .map(policy -> json(policy.get("TargetTrackingScalingPolicyConfiguration"))).toList();
        assertThat(scaling).hasSize(2);
        assertThat(scaling).anySatisfy(p -> assertThat(p).contains("ECSServiceAverageCPUUtilization").contains("\"TargetValue\":60"));
        assertThat(scaling).anySatisfy(p -> assertThat(p).contains("ALBRequestCountPerTarget").contains("\"TargetValue\":600"));
    }

    @Test void only_the_tasks_reach_the_database_and_only_the_load_balancer_reaches_the_tasks() {
        List<String> ingress = propertiesOfAll(dev, "AWS::EC2::SecurityGroupIngress").stream().map(TemplateResources::json).toList();
        assertThat(ingress).anySatisfy(rule -> assertThat(rule).contains("\"FromPort\":5432")
                .contains("Concierge-dev-Data").contains("ServiceSecurityGroup"));
        assertThat(ingress).anySatisfy(rule -> assertThat(rule).contains("\"FromPort\":8080")
                .contains("Concierge-dev-Edge").contains("ServiceSecurityGroup"));
        assertThat(ingress).noneSatisfy(rule -> assertThat(rule).contains("0.0.0.0/0"));
    }

    @Test void logs_are_kept_for_the_environments_retention() {
        dev.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/concierge/dev/ollama", "RetentionInDays", 7));
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
