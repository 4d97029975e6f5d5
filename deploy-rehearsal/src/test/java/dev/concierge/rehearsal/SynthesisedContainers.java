package dev.concierge.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.infrastructure.InfraApp;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every accepted combination synthesised once, each in a stage of one CDK app (one synthesis for all), and the app
 * containers of its task definitions as ECS would start them: environment and secrets with tokens resolved.
 */
final class SynthesisedContainers {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One app container of one combination. */
    record AppContainer(Combination combination, String taskDefinition, Map<String, String> environment,
                        Map<String, String> secrets, List<String> healthCheck) {}

    private SynthesisedContainers() {}

    @SuppressWarnings("deprecation") // cxapi's CloudAssembly is what App.synth() still answers with
    static List<AppContainer> of(List<Combination> combinations, Path outdir, String databaseHost, int databasePort) throws IOException {
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        Map<Combination, Stage> stages = new LinkedHashMap<>();
        for (Combination combination : combinations) {
            Stage stage = new Stage(app, combination.name().replace("-", ""));
            combination.context().forEach((key, value) -> stage.getNode().setContext(key, value));
            InfraApp.addStacksTo(stage);
            stages.put(combination, stage);
        }
        CloudAssembly assembly = app.synth();
        List<AppContainer> containers = new ArrayList<>();
        for (Map.Entry<Combination, Stage> entry : stages.entrySet()) {
            CloudAssembly stageAssembly = assembly.getNestedAssembly(entry.getValue().getArtifactId());
            Map<String, JsonNode> templates = new LinkedHashMap<>();
            for (CloudFormationStackArtifact stack : stageAssembly.getStacks()) {
                templates.put(stack.getStackName(), JSON.readTree(Path.of(stack.getTemplateFullPath()).toFile()));
            }
            CloudFormationValues values = new CloudFormationValues(templates, databaseHost, databasePort);
            for (JsonNode template : templates.values()) {
                template.path("Resources").fields().forEachRemaining(resource -> {
                    if (!"AWS::ECS::TaskDefinition".equals(resource.getValue().path("Type").asText())) return;
                    for (JsonNode container : resource.getValue().path("Properties").path("ContainerDefinitions")) {
                        if (!"app".equals(container.path("Name").asText())) continue;
                        Map<String, String> environment = new LinkedHashMap<>();
                        container.path("Environment").forEach(variable ->
                                environment.put(variable.get("Name").asText(), values.resolve(variable.get("Value"), template)));
                        Map<String, String> secrets = new LinkedHashMap<>();
                        container.path("Secrets").forEach(secret ->
                                secrets.put(secret.get("Name").asText(), values.resolve(secret.get("ValueFrom"), template)));
                        List<String> healthCheck = new ArrayList<>();
                        container.path("HealthCheck").path("Command").forEach(part -> healthCheck.add(part.asText()));
                        containers.add(new AppContainer(entry.getKey(), resource.getKey(), environment, secrets, healthCheck));
                    }
                });
            }
        }
        return containers;
    }

    /**
     * What the app itself resolves at start for an ECS secret reference: {@code <arn>:<json-key>::} (ECS's form)
     * becomes {@code secretsmanager:<arn>#<json-key>} (the app's form), a bare ARN the whole secret.
     */
    static String asAppReference(String ecsValueFrom) {
        String[] parts = ecsValueFrom.split(":", -1);
        // arn:aws:secretsmanager:<region>:<account>:secret:<name>[:<json-key>:<stage>:<version>]
        if (parts.length <= 7) return "secretsmanager:" + ecsValueFrom;
        String arn = String.join(":", java.util.Arrays.copyOfRange(parts, 0, 7));
        String jsonKey = parts[7];
        if (parts.length > 8 && (!parts[8].isEmpty() || (parts.length > 9 && !parts[9].isEmpty()))) {
            throw new IllegalStateException("the rehearsal resolves only the current version of a secret: " + ecsValueFrom);
        }
        return "secretsmanager:" + arn + (jsonKey.isEmpty() ? "" : "#" + jsonKey);
    }
}
