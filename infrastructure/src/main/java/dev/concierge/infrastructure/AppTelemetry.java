package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerDependency;
import software.amazon.awscdk.services.ecs.ContainerDependencyCondition;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FireLensLogDriver;
import software.amazon.awscdk.services.ecs.FireLensLogDriverProps;
import software.amazon.awscdk.services.ecs.FirelensConfig;
import software.amazon.awscdk.services.ecs.FirelensConfigFileType;
import software.amazon.awscdk.services.ecs.FirelensLogRouterDefinitionOptions;
import software.amazon.awscdk.services.ecs.FirelensLogRouterType;
import software.amazon.awscdk.services.ecs.FirelensOptions;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.RemovalPolicy;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;


/**
 * What sits beside every Concierge app container, whatever its role (web, worker, combined): the FireLens log router
 * (AWS for Fluent Bit with the routes of {@code resources/fluent-bit/concierge.conf}: every line to the S3 archive,
 * ERROR lines and EMF metric lines to CloudWatch Logs, seed 003) and the AWS Distro for OpenTelemetry collector
 * (configuration {@code resources/otel-collector/config.yaml}: OTLP/HTTP in on localhost, AWS X-Ray out). The app
 * container logs through FireLens ({@link #appLogDriver}) and exports its traces to the collector.
 */
public final class AppTelemetry {
    public static final String LOG_ROUTER = "log-router";
    public static final String COLLECTOR = "otel-collector";
    public static final String FLUENT_BIT_CONFIG = "/fluent-bit/etc/concierge.conf";
    public static final String COLLECTOR_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.49.0";
    public static final String OTLP_ENDPOINT = "http://127.0.0.1:4318";
    /** Seed 003: the router gets CPU 50m, memory 128 Mi (51 CPU units is 0.05 vCPU). */
    public static final int LOG_ROUTER_CPU = 51;
    public static final int LOG_ROUTER_MEMORY_MIB = 128;
    public static final int COLLECTOR_MEMORY_MIB = 128;
    /** What the two sidecars reserve of a task's memory: a Fargate task's app gets the rest. */
    public static final int SIDECARS_MEMORY_MIB = LOG_ROUTER_MEMORY_MIB + COLLECTOR_MEMORY_MIB;
    static final List<String> FLUENT_BIT_FILES = List.of("Dockerfile", "concierge.conf", "concierge-parsers.conf");

    private final LogsStack logs;
    private final DeploymentProfile profile;
    private Path fluentBitContext;

    public AppTelemetry(LogsStack logs, DeploymentProfile profile) {
        this.logs = logs;
        this.profile = profile;
    }

    /** The app container's log driver: its stdout goes to the task's log router. */
    public LogDriver appLogDriver() { return new FireLensLogDriver(FireLensLogDriverProps.builder().build()); }

    /** Adds the log router and the collector to {@code task}, and points {@code app} at them. */
    public void addTo(TaskDefinition task, ContainerDefinition app) {
        Construct scope = task;
        LogGroup sidecarLogs = LogGroup.Builder.create(scope, "SidecarLogs")
                .retention(profile.appLogRetention())
                .removalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        if (fluentBitContext == null) fluentBitContext = BundledFiles.directory("fluent-bit", FLUENT_BIT_FILES);

        ContainerDefinition router = task.addFirelensLogRouter(LOG_ROUTER, FirelensLogRouterDefinitionOptions.builder()
                .image(ContainerImage.fromAsset(fluentBitContext.toString()))
                .essential(true) // without it the app's lines would be lost
                .cpu(LOG_ROUTER_CPU)
                .memoryReservationMiB(LOG_ROUTER_MEMORY_MIB)
                .firelensConfig(FirelensConfig.builder()
                        .type(FirelensLogRouterType.FLUENTBIT)
                        .options(FirelensOptions.builder()
                                .enableEcsLogMetadata(true)
                                .configFileType(FirelensConfigFileType.FILE)
                                .configFileValue(FLUENT_BIT_CONFIG)
                                .build())
                        .build())
                .environment(Map.of(
                        "AWS_REGION", Stack.of(task).getRegion(),
                        "LOG_BUCKET", logs.archive().getBucketName(),
                        "ERROR_LOG_GROUP", logs.errorLogs().getLogGroupName(),
                        "METRICS_LOG_GROUP", logs.metricLogs().getLogGroupName()))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(sidecarLogs).streamPrefix(LOG_ROUTER).build()))
                .build());
        task.addContainer(COLLECTOR, ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry(COLLECTOR_IMAGE))
                .essential(false) // traces are worth losing before requests are
                .memoryReservationMiB(COLLECTOR_MEMORY_MIB)
                .environment(Map.of("AOT_CONFIG_CONTENT", BundledFiles.text("otel-collector/config.yaml")))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(sidecarLogs).streamPrefix(COLLECTOR).build()))
                .build());
        app.addContainerDependencies(ContainerDependency.builder().container(router).condition(ContainerDependencyCondition.START).build());
        app.addEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", OTLP_ENDPOINT);
        app.addEnvironment("OTEL_SERVICE_NAME", "concierge");
        app.addEnvironment("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=" + profile.name());
        // every request's line goes to the archive (cheap in S3), for the slow-requests query
        app.addEnvironment("ACCESS_LOG", "all");

        logs.archive().grantPut(task.getTaskRole());
        logs.errorLogs().grantWrite(task.getTaskRole());
        logs.metricLogs().grantWrite(task.getTaskRole());
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                        "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"))
                .resources(List.of("*"))
                .build());
        NagSuppressions.addResourceSuppressions(task.getTaskRole(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("X-Ray's trace and sampling actions take no resource ARN; the archive grant covers the objects of the "
                        + "log archive bucket only, whose keys Fluent Bit chooses (date partitions, a UUID)")
                .appliesTo(List.of("Resource::*", "Action::s3:Abort*",
                        RegexAppliesTo.builder().regex("/^Resource::.*Archive.*\\/\\*$/g").build()))
                .build()), true);
    }

}
