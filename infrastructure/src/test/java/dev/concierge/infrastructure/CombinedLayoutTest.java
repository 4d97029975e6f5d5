package dev.concierge.infrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static dev.concierge.infrastructure.ComputeStackTest.container;
import static dev.concierge.infrastructure.ComputeStackTest.environment;
import static dev.concierge.infrastructure.TemplateResources.json;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfAll;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002's layout for a small install (layout=combined): the app and the model server in one GPU task. */
class CombinedLayoutTest {
    private static Template compute;

    @BeforeAll static void synthesise() {
        compute = SynthesisedEnvironments.template(InfraApp.addTo(new App(AppProps.builder().context(Map.of(
                "env", "dev",
                "phase", "mvp",
                "layout", "combined",
                "allowedCidrs", String.join(",", SynthesisedEnvironments.CORPORATE_CIDRS),
                "sharedIdentity", "true",
                "dockerHubCredentialArn", SynthesisedEnvironments.DOCKER_HUB_CREDENTIAL_ARN)).build())).compute());
    }

    @Test void the_app_runs_every_role_beside_the_model_server_on_the_gpu_over_localhost() {
        List<Map<String, Object>> tasks = propertiesOfAll(compute, "AWS::ECS::TaskDefinition");
        assertThat(tasks).as("one task: no Fargate web tier in this layout").hasSize(1);
        Map<String, Object> task = tasks.getFirst();
        assertThat(task).containsEntry("RequiresCompatibilities", List.of("EC2"));
        // seed 002: Ollama をサイドカーとして同一タスクに配置し、localhost で通信
        Map<String, Object> modelServer = container(task, "model-server");
        assertThat(modelServer.get("ResourceRequirements")).isEqualTo(List.of(Map.of("Type", "GPU", "Value", "1")));
        assertThat(json(modelServer.get("MountPoints"))).contains("\"ContainerPath\":\"/root/.ollama\"");
        Map<String, Object> app = container(task, "app");
        assertThat(environment(app)).containsEntry("ROLE", "all").containsEntry("OLLAMA_BASE_URL", "http://localhost:11434");
        assertThat(json(app.get("DependsOn"))).contains("\"Condition\":\"HEALTHY\"").contains("\"ContainerName\":\"model-server\"");
        assertThat(propertiesOfAll(compute, "AWS::ECS::Service")).singleElement()
                .satisfies(service -> assertThat(json(service.get("LoadBalancers"))).contains("\"ContainerName\":\"app\""));
    }

    @Test void the_app_logs_through_fire_lens_and_traces_to_the_collector_as_in_the_tiered_layout() {
        LogPipelineTest.assertRoutedAndTraced(propertiesOfAll(compute, "AWS::ECS::TaskDefinition").getFirst());
    }
}
