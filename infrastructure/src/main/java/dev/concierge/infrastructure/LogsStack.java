package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.athena.CfnNamedQuery;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

import static dev.concierge.infrastructure.DataStack.suppression;

/**
 * Where the app's log lines go (seed 003), before the compute stack whose log routers write them: every line to an S3
 * archive (gzip, partitioned year/month/day/hour; versioned, SSE-S3, public access blocked, Glacier Flexible
 * Retrieval after {@value #GLACIER_AFTER_DAYS} days, deleted after {@value #EXPIRE_AFTER_DAYS}), queried with Athena
 * through a Glue table (partition projection, no crawler) and three saved queries; ERROR lines to a CloudWatch log
 * group with the environment's retention (seed 003: dev 7, prod 30 days) and a metric filter counting them; the
 * app's Embedded Metric Format lines (queue metrics) to a log group of their own.
 */
public final class LogsStack extends Stack {
    public static final int GLACIER_AFTER_DAYS = 90;
    public static final int EXPIRE_AFTER_DAYS = 365;
    public static final String ERROR_METRIC = "AppErrorLines";
    public static final String TABLE = "app_logs";
    /** Requests slower than this are "slow" in the saved query; the app's access line gives latencyMs. */
    public static final int SLOW_REQUEST_MILLIS = 2000;

    private final Bucket archive;
    private final LogGroup errorLogs;
    private final LogGroup metricLogs;
    private final String metricNamespace;
    private final String database;

    public LogsStack(Construct scope, String id, LogsStackProps props) {
        super(scope, id, props.stack());
        DeploymentProfile profile = props.profile();
        RemovalPolicy removal = profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        metricNamespace = "Concierge/" + profile.name();
        database = "concierge_" + profile.name() + "_logs";

        archive = Bucket.Builder.create(this, "Archive")
                .encryption(BucketEncryption.S3_MANAGED)
                .versioned(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("glacier-then-delete")
                        .transitions(List.of(Transition.builder()
                                .storageClass(StorageClass.GLACIER).transitionAfter(Duration.days(GLACIER_AFTER_DAYS)).build()))
                        .expiration(Duration.days(EXPIRE_AFTER_DAYS))
                        .noncurrentVersionExpiration(Duration.days(30))
                        .abortIncompleteMultipartUploadAfter(Duration.days(7))
                        .build()))
                .removalPolicy(removal)
                .autoDeleteObjects(false)
                .build();
        NagSuppressions.addResourceSuppressions((CfnBucket) archive.getNode().getDefaultChild(), List.of(
                suppression("AwsSolutions-S1", "The log archive itself: logging access to it would need yet another bucket; "
                        + "CloudTrail records its API use")));

        errorLogs = LogGroup.Builder.create(this, "ErrorLogs")
                .logGroupName("/concierge/" + profile.name() + "/app-errors")
                .retention(profile.appLogRetention()).removalPolicy(removal).build();
        metricLogs = LogGroup.Builder.create(this, "MetricLogs")
                .logGroupName("/concierge/" + profile.name() + "/app-metrics")
                // EMF lines only matter until CloudWatch has turned them into metrics
                .retention(software.amazon.awscdk.services.logs.RetentionDays.ONE_WEEK).removalPolicy(removal).build();
        MetricFilter.Builder.create(this, "ErrorLines")
                .logGroup(errorLogs)
                .filterPattern(FilterPattern.stringValue("$.level", "=", "ERROR"))
                .metricNamespace(metricNamespace)
                .metricName(ERROR_METRIC)
                .metricValue("1")
                .defaultValue(0)
                .build();

        queries(profile);
    }

    private void queries(DeploymentProfile profile) {
        CfnDatabase glueDatabase = CfnDatabase.Builder.create(this, "LogDatabase")
                .catalogId(getAccount())
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(database).description("Concierge " + profile.name() + ": archived application log lines").build())
                .build();
        String location = "s3://" + archive.getBucketName() + "/app/";
        CfnTable table = CfnTable.Builder.create(this, "LogTable")
                .catalogId(getAccount())
                .databaseName(database)
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(TABLE)
                        .description("One row per app log line (JSON), as Fluent Bit wrote it to the archive")
                        .tableType("EXTERNAL_TABLE")
                        .parameters(Map.ofEntries(
                                Map.entry("classification", "json"),
                                // partition projection: no crawler, no MSCK REPAIR; hours appear as they are written
                                Map.entry("projection.enabled", "true"),
                                Map.entry("projection.year.type", "integer"), Map.entry("projection.year.range", "2026,2100"),
                                Map.entry("projection.month.type", "integer"), Map.entry("projection.month.range", "1,12"), Map.entry("projection.month.digits", "2"),
                                Map.entry("projection.day.type", "integer"), Map.entry("projection.day.range", "1,31"), Map.entry("projection.day.digits", "2"),
                                Map.entry("projection.hour.type", "integer"), Map.entry("projection.hour.range", "0,23"), Map.entry("projection.hour.digits", "2"),
                                Map.entry("storage.location.template", location + "year=${year}/month=${month}/day=${day}/hour=${hour}/")))
                        .partitionKeys(List.of(column("year", "int"), column("month", "int"), column("day", "int"), column("hour", "int")))
                        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                                .location(location)
                                .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                                .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                                .compressed(true)
                                .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                                        .serializationLibrary("org.openx.data.jsonserde.JsonSerDe")
                                        .parameters(Map.of("ignore.malformed.json", "true", "case.insensitive", "true"))
                                        .build())
                                .columns(List.of(
                                        column("timestamp", "string"), column("level", "string"), column("logger", "string"),
                                        column("thread", "string"), column("message", "string"), column("stack_trace", "string"),
                                        column("requestid", "string"), column("traceid", "string"), column("user", "string"),
                                        column("method", "string"), column("route", "string"), column("status", "string"),
                                        column("latencyms", "string"), column("conversationid", "string"), column("jobid", "string"),
                                        column("testcaseid", "string"), column("llmprovider", "string"), column("llmmodel", "string"),
                                        column("llmoutcome", "string"), column("llmlatencyms", "string"),
                                        column("llminputtokens", "string"), column("llmoutputtokens", "string"),
                                        column("container_name", "string"), column("ecs_task_arn", "string"), column("log", "string")))
                                .build())
                        .build())
                .build();
        table.getNode().addDependency(glueDatabase);

        CfnWorkGroup workGroup = CfnWorkGroup.Builder.create(this, "LogQueries")
                .name("concierge-" + profile.name() + "-logs")
                .description("Queries over Concierge " + profile.name() + "'s archived log lines")
                .recursiveDeleteOption(!profile.production())
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .enforceWorkGroupConfiguration(true)
                        .publishCloudWatchMetricsEnabled(true)
                        .bytesScannedCutoffPerQuery(10L * 1024 * 1024 * 1024) // 10 GiB: a forgotten WHERE costs cents, not dollars
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation("s3://" + archive.getBucketName() + "/athena-results/")
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_S3").build())
                                .build())
                        .build())
                .build();

        String from = "\"" + database + "\".\"" + TABLE + "\"";
        String lastDay = "date_parse(concat(cast(year as varchar), '-', cast(month as varchar), '-', cast(day as varchar)), '%Y-%c-%e') "
                + ">= current_date - interval '1' day";
        namedQuery(workGroup, "ErrorsByRoute", "errors-by-route", "ERROR lines of the last day by route and message",
                "SELECT coalesce(route, '(no request)') AS route, message, count(*) AS lines, max(timestamp) AS last_seen\nFROM " + from
                        + "\nWHERE level = 'ERROR' AND " + lastDay + "\nGROUP BY 1, 2\nORDER BY lines DESC\nLIMIT 100;");
        namedQuery(workGroup, "SlowRequests", "slow-requests", "Requests of the last day slower than " + SLOW_REQUEST_MILLIS + " ms",
                "SELECT timestamp, method, route, status, cast(latencyms AS double) AS latency_ms, requestid, traceid\nFROM " + from
                        + "\nWHERE logger = 'concierge.access' AND cast(latencyms AS double) > " + SLOW_REQUEST_MILLIS + " AND " + lastDay
                        + "\nORDER BY latency_ms DESC\nLIMIT 200;");
        namedQuery(workGroup, "LlmCallsByModel", "llm-calls-by-model", "Model calls of the last day by provider, model and outcome",
                "SELECT llmprovider AS provider, llmmodel AS model, llmoutcome AS outcome, count(*) AS calls,\n"
                        + "       approx_percentile(cast(llmlatencyms AS double), 0.95) AS p95_ms,\n"
                        + "       sum(cast(llminputtokens AS bigint)) AS input_tokens, sum(cast(llmoutputtokens AS bigint)) AS output_tokens\nFROM "
                        + from + "\nWHERE logger = 'concierge.llm' AND " + lastDay + "\nGROUP BY 1, 2, 3\nORDER BY calls DESC;");
    }

    private void namedQuery(CfnWorkGroup workGroup, String id, String name, String description, String sql) {
        CfnNamedQuery query = CfnNamedQuery.Builder.create(this, id)
                .name(name).description(description).database(database).workGroup(workGroup.getName()).queryString(sql).build();
        query.getNode().addDependency(workGroup);
    }

    private static CfnTable.ColumnProperty column(String name, String type) {
        return CfnTable.ColumnProperty.builder().name(name).type(type).build();
    }

    public Bucket archive() { return archive; }

    public LogGroup errorLogs() { return errorLogs; }

    public LogGroup metricLogs() { return metricLogs; }

    /** {@code Concierge/<env>}: the app's EMF metrics and the error-line count. */
    public String metricNamespace() { return metricNamespace; }

    public String database() { return database; }
}
