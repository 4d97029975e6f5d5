package dev.concierge.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.concierge.infrastructure.ComputeStackTest.container;
import static dev.concierge.infrastructure.ComputeStackTest.environment;
import static dev.concierge.infrastructure.TemplateResources.json;
import static dev.concierge.infrastructure.TemplateResources.list;
import static dev.concierge.infrastructure.TemplateResources.map;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfAll;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfOnly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003's log pipeline: Fluent Bit beside every app container (CPU 50m, memory 128 Mi), ERROR lines to CloudWatch
 * Logs (dev 7 / prod 30 days), every line to S3 (gzip, year/month/day/hour; versioned, SSE-S3, public access blocked,
 * Glacier after 90 days, deleted after one year), Athena over a Glue table with saved queries, a metric filter on ERROR
 * lines; EMF lines (CONTRACT-19's queue metrics) still reach CloudWatch; Aurora's slow-query log on.
 */
class LogPipelineTest {
    private static Template devLogs;
    private static Template prodLogs;
    private static Template devCompute;

    @BeforeAll static void synthesise() {
        devLogs = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().logs());
        prodLogs = SynthesisedEnvironments.template(SynthesisedEnvironments.prod().logs());
        devCompute = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().compute());
    }

    @Test void the_archive_is_versioned_encrypted_private_and_moves_to_glacier_at_90_days_then_expires_at_one_year() {
        for (Template template : List.of(devLogs, prodLogs)) {
            Map<String, Object> bucket = propertiesOfOnly(template, "AWS::S3::Bucket");
            assertThat(json(bucket.get("VersioningConfiguration"))).contains("\"Status\":\"Enabled\"");
            assertThat(json(bucket.get("BucketEncryption"))).contains("AES256");
            assertThat(map(bucket.get("PublicAccessBlockConfiguration"))).containsEntry("BlockPublicAcls", true)
                    .containsEntry("BlockPublicPolicy", true).containsEntry("IgnorePublicAcls", true).containsEntry("RestrictPublicBuckets", true);
            Map<String, Object> rule = map(list(map(bucket.get("LifecycleConfiguration")).get("Rules")).getFirst());
            assertThat(rule).containsEntry("ExpirationInDays", 365).containsEntry("Status", "Enabled");
            assertThat(json(rule.get("Transitions"))).contains("\"StorageClass\":\"GLACIER\"").contains("\"TransitionInDays\":90");
        }
    }

    @Test void error_lines_are_kept_7_days_in_dev_and_30_in_prod_and_counted_by_a_metric_filter() {
        assertThat(logGroup(devLogs, "/concierge/dev/app-errors")).containsEntry("RetentionInDays", 7);
        assertThat(logGroup(prodLogs, "/concierge/prod/app-errors")).containsEntry("RetentionInDays", 30);
        Map<String, Object> filter = propertiesOfOnly(devLogs, "AWS::Logs::MetricFilter");
        assertThat(json(filter.get("FilterPattern"))).contains("$.level").contains("ERROR");
        assertThat(json(filter.get("MetricTransformations"))).contains("Concierge/dev").contains(LogsStack.ERROR_METRIC);
    }

    @Test void athena_reads_the_archive_through_a_projected_glue_table_with_three_saved_queries() {
        Map<String, Object> table = map(propertiesOfOnly(devLogs, "AWS::Glue::Table").get("TableInput"));
        Map<String, Object> parameters = map(table.get("Parameters"));
        assertThat(parameters).containsEntry("projection.enabled", "true");
        assertThat(json(parameters.get("storage.location.template"))).contains("/app/year=${year}/month=${month}/day=${day}/hour=${hour}/");
        assertThat(json(table.get("PartitionKeys"))).contains("year").contains("month").contains("day").contains("hour");
        assertThat(json(table.get("StorageDescriptor"))).contains("org.openx.data.jsonserde.JsonSerDe").contains("llmmodel").contains("latencyms");

        Map<String, Object> workGroup = propertiesOfOnly(devLogs, "AWS::Athena::WorkGroup");
        assertThat(json(workGroup.get("WorkGroupConfiguration"))).contains("athena-results/").contains("SSE_S3")
                .contains("\"EnforceWorkGroupConfiguration\":true");
        Map<String, String> queries = new LinkedHashMap<>();
        propertiesOfAll(devLogs, "AWS::Athena::NamedQuery").forEach(query -> queries.put((String) query.get("Name"), (String) query.get("QueryString")));
        assertThat(queries).containsOnlyKeys("errors-by-route", "slow-requests", "llm-calls-by-model");
        assertThat(queries.get("errors-by-route")).contains("level = 'ERROR'").contains("GROUP BY");
        assertThat(queries.get("slow-requests")).contains("concierge.access").contains("latencyms");
        assertThat(queries.get("llm-calls-by-model")).contains("concierge.llm").contains("llmmodel");
    }

    @Test void every_app_container_logs_through_the_fluent_bit_router_and_traces_to_the_collector() {
        for (InfraApp.ConciergeStacks stacks : List.of(SynthesisedEnvironments.dev(), SynthesisedEnvironments.prod())) {
            List<Map<String, Object>> tasks = propertiesOfAll(SynthesisedEnvironments.template(stacks.compute()), "AWS::ECS::TaskDefinition");
            List<Map<String, Object>> withApp = tasks.stream().filter(task -> json(task.get("ContainerDefinitions")).contains("\"Name\":\"app\"")).toList();
            // tiered: the Fargate web tier and the GPU generation tier (the combined layout: CombinedLayoutTest)
            assertThat(withApp).map(task -> environment(container(task, ComputeStack.APP_CONTAINER)).get("ROLE"))
                    .containsExactlyInAnyOrder("web", "worker");
            assertThat(withApp).allSatisfy(LogPipelineTest::assertRoutedAndTraced);
        }
        String policies = json(propertiesOfAll(devCompute, "AWS::IAM::Policy"));
        assertThat(policies).contains("xray:PutTraceSegments").contains("s3:PutObject").contains("logs:PutLogEvents");
    }

    @Test void the_fargate_app_leaves_the_sidecars_their_memory_so_the_task_size_still_fits() {
        for (InfraApp.ConciergeStacks stacks : List.of(SynthesisedEnvironments.dev(), SynthesisedEnvironments.prod())) {
            Map<String, Object> web = propertiesOfAll(SynthesisedEnvironments.template(stacks.compute()), "AWS::ECS::TaskDefinition").stream()
                    .filter(task -> List.of("FARGATE").equals(task.get("RequiresCompatibilities"))).findFirst().orElseThrow();
            int taskMemory = Integer.parseInt(String.valueOf(web.get("Memory")));
            assertThat(taskMemory).isEqualTo(stacks.profile().web().memoryMiB());
            assertThat(container(web, ComputeStack.APP_CONTAINER).get("Memory")).isEqualTo(taskMemory - AppTelemetry.SIDECARS_MEMORY_MIB);
            int reserved = list(web.get("ContainerDefinitions")).stream().map(TemplateResources::map)
                    .mapToInt(c -> ((Number) c.getOrDefault("Memory", c.getOrDefault("MemoryReservation", 0))).intValue()).sum();
            assertThat(reserved).isLessThanOrEqualTo(taskMemory);
        }
    }

    /** FireLens for the app's lines, the ADOT collector for its traces, the tracing variables set. */
    static void assertRoutedAndTraced(Map<String, Object> task) {
        Map<String, Object> app = container(task, ComputeStack.APP_CONTAINER);
        assertThat(json(app.get("LogConfiguration"))).contains("awsfirelens");
        assertThat(environment(app)).containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", AppTelemetry.OTLP_ENDPOINT)
                .containsEntry("OTEL_SERVICE_NAME", "concierge").containsKey("OTEL_RESOURCE_ATTRIBUTES")
                .containsEntry("LOG_FORMAT", "json").containsEntry("ACCESS_LOG", "all");
        assertThat(json(app.get("DependsOn"))).contains("\"ContainerName\":\"" + AppTelemetry.LOG_ROUTER + "\"");
        Map<String, Object> router = container(task, AppTelemetry.LOG_ROUTER);
        assertThat(router).containsEntry("Cpu", 51).containsEntry("MemoryReservation", 128).containsEntry("Essential", true);
        assertThat(json(router.get("FirelensConfiguration"))).contains("fluentbit").contains(AppTelemetry.FLUENT_BIT_CONFIG)
                .contains("\"config-file-type\":\"file\"");
        assertThat(environment(router)).containsKeys("LOG_BUCKET", "ERROR_LOG_GROUP", "METRICS_LOG_GROUP", "AWS_REGION");
        Map<String, Object> collector = container(task, AppTelemetry.COLLECTOR);
        assertThat(collector.get("Image")).isEqualTo(AppTelemetry.COLLECTOR_IMAGE);
        assertThat(environment(collector).get("AOT_CONFIG_CONTENT")).contains("awsxray").contains("otlp");
    }

    @Test void the_fluent_bit_routes_send_errors_and_emf_lines_to_cloudwatch_and_every_line_to_s3() {
        List<Section> sections = sections(BundledFiles.text("fluent-bit/concierge.conf"));
        Section parser = only(sections, "FILTER", "parser");
        assertThat(parser.values()).containsEntry("Key_Name", "log").containsEntry("Reserve_Data", "On");
        assertThat(BundledFiles.text("fluent-bit/concierge-parsers.conf")).contains("Name        " + parser.values().get("Parser"));

        Rule errors = rule(sections, "concierge_errors");
        Rule emf = rule(sections, "concierge_emf");
        String errorLine = "{\"timestamp\":\"2026-12-07T03:00:00Z\",\"level\":\"ERROR\",\"logger\":\"x\",\"message\":\"boom\"}";
        String infoLine = "{\"timestamp\":\"2026-12-07T03:00:00Z\",\"level\":\"INFO\",\"logger\":\"x\",\"message\":\"fine\"}";
        // CONTRACT-19's queue metric line, as the app prints it
        String emfLine = "{\"_aws\":{\"Timestamp\":1796612400000,\"CloudWatchMetrics\":[{\"Namespace\":\"Concierge/dev\",\"Dimensions\":[[]],"
                + "\"Metrics\":[{\"Name\":\"GenerationQueueOldestAgeSeconds\",\"Unit\":\"Seconds\"}]}]},\"GenerationQueueOldestAgeSeconds\":12}";
        assertThat(errors.matches(errorLine)).isTrue();
        assertThat(errors.matches(infoLine)).isFalse();
        assertThat(errors.matches(emfLine)).isFalse();
        assertThat(emf.matches(emfLine)).isTrue();
        assertThat(emf.matches(errorLine)).isFalse();
        assertThat(errors.keep()).as("the error line still goes to S3").isTrue();

        Section cloudWatch = output(sections, errors.tag());
        assertThat(cloudWatch.values()).containsEntry("Name", "cloudwatch_logs").containsEntry("log_group_name", "${ERROR_LOG_GROUP}");
        Section metrics = output(sections, emf.tag());
        assertThat(metrics.values()).containsEntry("Name", "cloudwatch_logs").containsEntry("log_group_name", "${METRICS_LOG_GROUP}")
                .containsEntry("log_format", "json/emf");
        Section archive = output(sections, "app-firelens-");
        assertThat(archive.values()).containsEntry("Name", "s3").containsEntry("bucket", "${LOG_BUCKET}").containsEntry("compression", "gzip");
        assertThat(archive.values().get("s3_key_format")).contains("/app/year=%Y/month=%m/day=%d/hour=%H/");
    }

    @Test void aurora_logs_statements_slower_than_a_second_to_cloudwatch() {
        Template data = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().data());
        assertThat(json(propertiesOfOnly(data, "AWS::RDS::DBClusterParameterGroup").get("Parameters")))
                .contains("\"log_min_duration_statement\":\"1000\"");
        assertThat(json(propertiesOfOnly(data, "AWS::RDS::DBCluster").get("EnableCloudwatchLogsExports"))).contains("postgresql");
    }

    // ---- a reader for Fluent Bit's classic configuration: [SECTION] then "Key Value" lines

    record Section(String kind, Map<String, String> values) {}

    record Rule(String field, Pattern regex, String tag, boolean keep) {
        /** What Fluent Bit does with a parsed JSON line: read the field by record accessor, match the regex. */
        boolean matches(String line) {
            try {
                Object value = new ObjectMapper().readValue(line, Map.class);
                Matcher accessor = Pattern.compile("\\['([^']+)'\\]|\\[(\\d+)\\]|^\\$(\\w+)").matcher(field);
                while (accessor.find() && value != null) {
                    if (accessor.group(3) != null || accessor.group(1) != null) {
                        String key = accessor.group(3) != null ? accessor.group(3) : accessor.group(1);
                        value = value instanceof Map<?, ?> m ? m.get(key) : null;
                    } else {
                        int index = Integer.parseInt(accessor.group(2));
                        value = value instanceof List<?> l && l.size() > index ? l.get(index) : null;
                    }
                }
                return value instanceof String text && regex.matcher(text).find();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static List<Section> sections(String config) {
        List<Section> sections = new ArrayList<>();
        for (String raw : config.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[")) {
                sections.add(new Section(line.substring(1, line.length() - 1), new LinkedHashMap<>()));
            } else {
                String[] keyValue = line.split("\\s+", 2);
                sections.getLast().values().put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
        }
        return sections;
    }

    private static Section only(List<Section> sections, String kind, String name) {
        List<Section> matching = sections.stream().filter(s -> s.kind().equals(kind) && name.equals(s.values().get("Name"))).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    private static Rule rule(List<Section> sections, String emitter) {
        Section filter = sections.stream().filter(s -> emitter.equals(s.values().get("Emitter_Name"))).findFirst().orElseThrow();
        assertThat(filter.values()).containsEntry("Name", "rewrite_tag").containsEntry("Match", "app-firelens-*");
        String[] parts = filter.values().get("Rule").split("\\s+");
        return new Rule(parts[0], Pattern.compile(parts[1]), parts[2].replace("$TAG", ""), Boolean.parseBoolean(parts[3]));
    }

    /** The one output whose Match pattern takes records tagged {@code tagPrefix...}. */
    private static Section output(List<Section> sections, String tagPrefix) {
        List<Section> outputs = sections.stream().filter(s -> s.kind().equals("OUTPUT")
                && s.values().get("Match").replace("*", "").equals(tagPrefix)).toList();
        assertThat(outputs).as("outputs for %s", tagPrefix).hasSize(1);
        return outputs.getFirst();
    }

    private static Map<String, Object> logGroup(Template template, String name) {
        return propertiesOfAll(template, "AWS::Logs::LogGroup").stream().filter(group -> name.equals(group.get("LogGroupName")))
                .findFirst().orElseThrow(() -> new AssertionError("no log group " + name));
    }
}
