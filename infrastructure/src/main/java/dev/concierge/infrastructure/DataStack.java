package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.IClusterInstance;
import software.amazon.awscdk.services.rds.ProvisionedClusterInstanceProps;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aurora PostgreSQL 17 (a writer and a reader; in prod the reader waits in a second zone to take over), encrypted
 * with a customer key, backed up daily, TLS only; its owner and app credentials ({@link DatabaseSecrets}), the
 * OpenAI API key and (for the app's own sign-in) the session key live in Secrets Manager under
 * {@code concierge/<env>/…}; the files bucket ({@link FilesBucket}) lives here too (encrypted with the account's Secrets Manager key, which lets the
 * compute stack's roles read them without editing a key policy here, which would tie the stacks in a cycle).
 */
public final class DataStack extends Stack {
    public static final String DATABASE_NAME = "concierge";

    private final DatabaseCluster database;
    private final DatabaseSecrets databaseSecrets;
    private final Secret openAiApiKey;
    private final Optional<Secret> sessionSecret;
    private final FilesBucket files;
    private final Key dataKey;
    private final SecurityGroup databaseSecurityGroup;

    public DataStack(Construct scope, String id, DataStackProps props) {
        super(scope, id, props.stack());
        DeploymentProfile profile = props.profile();
        String clusterIdentifier = "concierge-" + profile.name();

        dataKey = Key.Builder.create(this, "DataKey")
                .description("Concierge " + profile.name() + ": Aurora storage and Performance Insights")
                .enableKeyRotation(true)
                .removalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();

        // Created here rather than by cloudwatchLogsRetention, which would add a Lambda function just to set retention.
        LogGroup postgresLogs = LogGroup.Builder.create(this, "PostgresLogs")
                .logGroupName("/aws/rds/cluster/" + clusterIdentifier + "/postgresql")
                .retention(profile.appLogRetention())
                .removalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();

        // Nothing may reach the database until the compute stack lets the app's tasks in.
        databaseSecurityGroup = SecurityGroup.Builder.create(this, "DatabaseSecurityGroup")
                .vpc(props.vpc())
                .description("Aurora: PostgreSQL from the Concierge tasks only")
                .allowAllOutbound(false)
                .build();

        databaseSecrets = new DatabaseSecrets(this, "DatabaseSecrets", profile);
        List<String> zones = getAvailabilityZones();
        database = DatabaseCluster.Builder.create(this, "Database")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_17_9).build()))
                .clusterIdentifier(clusterIdentifier)
                .credentials(Credentials.fromSecret(databaseSecrets.master()))
                .defaultDatabaseName(DATABASE_NAME)
                .port(NetworkStack.DATABASE_PORT)
                .writer(instance("Writer", profile, props.serverless(), zones.get(0)))
                .readers(readers(profile, props.serverless(), zones))
                .serverlessV2MinCapacity(props.serverless().map(AuroraServerless::minAcu).orElse(null))
                .serverlessV2MaxCapacity(props.serverless().map(AuroraServerless::maxAcu).orElse(null))
                .vpc(props.vpc())
                .vpcSubnets(NetworkStack.databaseSubnets())
                .securityGroups(List.of(databaseSecurityGroup))
                .storageEncrypted(true)
                .storageEncryptionKey(dataKey)
                .backup(BackupProps.builder()
                        .retention(Duration.days(profile.databaseBackupDays()))
                        .preferredWindow("17:00-18:00") // 02:00-03:00 in Japan, where the users are
                        .build())
                .preferredMaintenanceWindow("sun:18:00-sun:19:00")
                .deletionProtection(profile.production())
                .removalPolicy(profile.production() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
                .copyTagsToSnapshot(true)
                .cloudwatchLogsExports(List.of("postgresql"))
                .monitoringInterval(Duration.seconds(60))
                // Connections without TLS are refused; the PostgreSQL JDBC driver negotiates TLS by default.
                .parameters(SlowQueryLog.with(Map.of("rds.force_ssl", "1")))
                .build();
        database.getNode().addDependency(postgresLogs);
        databaseSecrets.rotateMaster(database, props.vpc(), databaseSecurityGroup);

        openAiApiKey = Secret.Builder.create(this, "OpenAiApiKey")
                .secretName("concierge/" + profile.name() + "/openai-api-key")
                .description("API key for LLM_PROVIDER=openai; replace the generated placeholder with the real key")
                .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).passwordLength(32).build())
                .removalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        sessionSecret = props.appSignIn() ? Optional.of(sessionSecret(profile)) : Optional.empty();
        files = new FilesBucket(this, "FilesStore", profile);

        suppressFindingsWithReasons(profile);
    }

    /** Provisioned, a reader always (dev's beside the writer); serverless, a reader only in a second zone. */
    private static List<IClusterInstance> readers(DeploymentProfile profile, Optional<AuroraServerless> serverless, List<String> zones) {
        if (serverless.isPresent() && !profile.multiAzDatabase()) return List.of();
        return List.of(instance("Reader", profile, serverless, zones.get(profile.multiAzDatabase() ? 1 : 0)));
    }

    private static IClusterInstance instance(String id, DeploymentProfile profile, Optional<AuroraServerless> serverless, String zone) {
        if (serverless.isPresent()) {
            return ClusterInstance.serverlessV2(id, ServerlessV2ClusterInstanceProps.builder()
                    .availabilityZone(zone)
                    .enablePerformanceInsights(true)
                    // the reader takes over from the writer, so it must be as large when it does
                    .scaleWithWriter(true)
                    .build());
        }
        return ClusterInstance.provisioned(id, ProvisionedClusterInstanceProps.builder()
                .instanceType(profile.databaseInstanceType())
                .availabilityZone(zone)
                .enablePerformanceInsights(true)
                .build());
    }

    private void suppressFindingsWithReasons(DeploymentProfile profile) {
        NagSuppressions.addResourceSuppressions(database, List.of(
                suppression("AwsSolutions-RDS6", "The app connects with a password from Secrets Manager through a JDBC pool; "
                        + "IAM tokens expire every 15 minutes and would need a token-refreshing data source")), true);
        NagSuppressions.addResourceSuppressions(database, List.of(
                suppression("AwsSolutions-IAM4", "The enhanced-monitoring role uses AWS's managed policy "
                        + "AmazonRDSEnhancedMonitoringRole, scoped by AWS to publishing RDS OS metrics",
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole")), true);
        if (!profile.production()) {
            NagSuppressions.addResourceSuppressions(database, List.of(
                    suppression("AwsSolutions-RDS10", "dev is disposable: deletion protection is on in prod only")), true);
        }
        NagSuppressions.addResourceSuppressions(openAiApiKey, List.of(
                suppression("AwsSolutions-SMG4", "A third-party API key: it is rotated at its issuer, then stored here by hand")));
    }

    /** The HMAC key signing the app's session cookie in {@code AUTH_MODE=oidc} (CONTRACT-19: at least 32 bytes). */
    private Secret sessionSecret(DeploymentProfile profile) {
        Secret secret = Secret.Builder.create(this, "SessionSecret")
                .secretName("concierge/" + profile.name() + "/session-secret")
                .description("Signs Concierge's session cookie (AUTH_MODE=oidc); replacing it signs everyone out")
                .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).passwordLength(64).build())
                .removalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        NagSuppressions.addResourceSuppressions(secret, List.of(suppression("AwsSolutions-SMG4",
                "Read once at start; replacing it signs every user out, so it is replaced with a planned redeployment")));
        return secret;
    }

    static NagPackSuppression suppression(String id, String reason, String... appliesTo) {
        var builder = NagPackSuppression.builder().id(id).reason(reason);
        if (appliesTo.length > 0) builder.appliesTo(List.of((Object[]) appliesTo));
        return builder.build();
    }

    public DatabaseCluster database() { return database; }

    /** The owner's generated credentials: JSON with {@code username}, {@code password}, {@code host}, {@code port}, {@code dbname}. */
    public ISecret databaseSecret() { return database.getSecret(); }

    /** The app's least-privileged role: JSON with {@code username} and {@code password}. */
    public ISecret databaseAppSecret() { return databaseSecrets.app(); }

    public Optional<Secret> sessionSecret() { return sessionSecret; }

    public FilesBucket files() { return files; }

    public Secret openAiApiKey() { return openAiApiKey; }

    public Key dataKey() { return dataKey; }
}
