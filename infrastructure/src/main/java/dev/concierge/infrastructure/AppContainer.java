package dev.concierge.infrastructure;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.TaskDefinition;

import java.util.List;

/**
 * The Concierge app container, the same image in every role; its settings come from {@link AppSettings}. In every
 * role it logs through the task's FireLens router and exports traces to the collector beside it ({@link AppTelemetry}).
 */
final class AppContainer {
    /** Every role's container is named so: the load balancer and the rehearsal find the app by it. */
    static final String NAME = "app";
    /** The container's own check: the same endpoint the load balancer asks. */
    static final String HEALTH_COMMAND = "curl -fsS http://localhost:" + NetworkStack.APP_PORT + "/health > /dev/null || exit 1";

    private AppContainer() {}

    /**
     * @param cpu       CPU units reserved for the app (0 on Fargate: the task's size is the app's)
     * @param memoryMiB memory reserved for the app on EC2, or the hard limit on Fargate (the task's memory less
     *                  {@link AppTelemetry#SIDECARS_MEMORY_MIB}, what the log router and the collector take)
     */
    static ContainerDefinition addTo(TaskDefinition task, ComputeStackProps props, AppSettings settings, AppRole role,
                                     String modelServerHost, int cpu, int memoryMiB) {
        var options = ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromEcrRepository(props.repository(), props.imageTag()))
                .essential(true)
                .portMappings(List.of(PortMapping.builder().containerPort(NetworkStack.APP_PORT).build()))
                .environment(settings.environment(role, modelServerHost))
                .secrets(settings.secrets(task))
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", HEALTH_COMMAND))
                        .interval(Duration.seconds(30)).timeout(Duration.seconds(5)).retries(3)
                        .startPeriod(Duration.seconds(120))
                        .build())
                // longer than SHUTDOWN_DRAIN_SECONDS, so in-flight requests finish before SIGKILL
                .stopTimeout(Duration.seconds(45))
                .logging(props.telemetry().appLogDriver());
        if (cpu > 0) {
            options.cpu(cpu).memoryReservationMiB(memoryMiB).memoryLimitMiB(memoryMiB + memoryMiB / 2);
        } else {
            options.memoryLimitMiB(memoryMiB);
        }
        ContainerDefinition app = task.addContainer(NAME, options.build());
        props.telemetry().addTo(task, app);
        return app;
    }
}
