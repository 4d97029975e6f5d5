package dev.concierge.infrastructure;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ecs.AppProtocol;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerDependency;
import software.amazon.awscdk.services.ecs.ContainerDependencyCondition;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.amazon.awscdk.services.logs.ILogGroup;

import java.util.List;
import java.util.Map;

/**
 * The model server container of a GPU task: it owns the instance's GPU, keeps its weights on the shared
 * {@link ModelWeights} volume, and reports healthy only once the model answers, so the app beside it (which waits
 * for HEALTHY) and the load balancer see a task only when it can generate.
 */
final class ModelServerContainer {
    static final String NAME = "model-server";
    static final int CPU = 2048;
    static final int MEMORY_RESERVATION_MIB = 8192;
    static final int MEMORY_LIMIT_MIB = 12288;

    private ModelServerContainer() {}

    static ContainerDefinition addTo(TaskDefinition task, ModelServer server, String image, Secret apiKey, ILogGroup logs) {
        LlmEngine engine = server.engine();
        var options = ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry(image))
                .essential(true)
                .gpuCount(1)
                .cpu(CPU)
                .memoryReservationMiB(MEMORY_RESERVATION_MIB)
                .memoryLimitMiB(MEMORY_LIMIT_MIB)
                .portMappings(List.of(PortMapping.builder()
                        .name(ModelServer.SERVICE_CONNECT_NAME).containerPort(engine.port()).appProtocol(AppProtocol.getHttp()).build()))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix(NAME).build()));
        switch (engine) {
            case OLLAMA -> options
                    .environment(Map.of(
                            "OLLAMA_MODEL", server.model(),
                            // never unload: a generation must not wait for the model to load again
                            "OLLAMA_KEEP_ALIVE", "-1",
                            "OLLAMA_HOST", "0.0.0.0:" + engine.port()))
                    // Serve; pull the model onto the shared volume (a no-op when it is there); load it into the GPU.
                    .entryPoint(List.of("/bin/sh", "-c"))
                    .command(List.of("ollama serve & server=$!; until ollama list > /dev/null 2>&1; do sleep 1; done; "
                            + "ollama pull \"$OLLAMA_MODEL\" && ollama run \"$OLLAMA_MODEL\" '' < /dev/null; wait $server"))
                    // `ollama show` answers only once the server is up and the model is on the volume.
                    .healthCheck(healthCheck("ollama show \"$OLLAMA_MODEL\" > /dev/null || exit 1"));
            case VLLM -> options
                    .environment(Map.of("HF_HOME", engine.weightsPath()))
                    // The app's OPENAI_API_KEY is the key vLLM demands of its callers.
                    .secrets(Map.of("VLLM_API_KEY", apiKey))
                    .command(List.of("--model", server.model(), "--served-model-name", server.model(),
                            "--port", String.valueOf(engine.port()), "--max-model-len", "8192", "--gpu-memory-utilization", "0.9"))
                    // vLLM's /health answers 200 only once the engine has loaded the model.
                    .healthCheck(healthCheck("python3 -c \"import urllib.request; urllib.request.urlopen('http://localhost:"
                            + engine.port() + "/health', timeout=4)\" || exit 1"));
        }
        ContainerDefinition container = task.addContainer(NAME, options.build());
        container.addMountPoints(MountPoint.builder()
                .sourceVolume(ModelWeights.VOLUME_NAME).containerPath(engine.weightsPath()).readOnly(false).build());
        return container;
    }

    /** The app container starts only once the model answers. */
    static ContainerDependency healthy(ContainerDefinition modelServer) {
        return ContainerDependency.builder().container(modelServer).condition(ContainerDependencyCondition.HEALTHY).build();
    }

    private static HealthCheck healthCheck(String command) {
        return HealthCheck.builder()
                .command(List.of("CMD-SHELL", command))
                .interval(Duration.seconds(30)).timeout(Duration.seconds(5)).retries(10)
                // The first start on an empty volume downloads the model; later starts read it from the volume.
                .startPeriod(Duration.seconds(300))
                .build();
    }
}
