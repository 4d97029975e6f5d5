package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.secretsmanager.HostedRotation;
import software.amazon.awscdk.services.secretsmanager.SingleUserHostedRotationOptions;
import software.amazon.awscdk.services.secretsmanager.RotationScheduleOptions;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

import java.util.List;

import static dev.concierge.infrastructure.DataStack.suppression;

/**
 * The two database identities of CONTRACT-19. The master (owner) secret {@code concierge/<env>/database} rotates
 * every {@link #MASTER_ROTATION_DAYS} days (seed 001: automatic rotation) through Secrets Manager's hosted
 * single-user PostgreSQL rotation; the app uses it only at start, to migrate and to create its own role. The app
 * secret {@code concierge/<env>/database-app} holds that least-privileged role ({@value #APP_USER}), which the pool
 * connects as.
 */
public final class DatabaseSecrets extends Construct {
    public static final String MASTER_USER = "concierge";
    public static final String APP_USER = "concierge_app";
    public static final int MASTER_ROTATION_DAYS = 30;
    /** Characters a password keeps out: they would need escaping in a JDBC URL or a shell. */
    private static final String EXCLUDED = " %+~`#$&*()|[]{}:;<>?!'/@\"\\";

    private final DatabaseSecret master;
    private final Secret app;

    public DatabaseSecrets(Construct scope, String id, DeploymentProfile profile) {
        super(scope, id);
        master = DatabaseSecret.Builder.create(this, "Master")
                .secretName("concierge/" + profile.name() + "/database")
                .username(MASTER_USER)
                .excludeCharacters(EXCLUDED)
                .build();
        // Retained in prod: a snapshot of the cluster is useless without its owner's password.
        master.applyRemovalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        app = Secret.Builder.create(this, "App")
                .secretName("concierge/" + profile.name() + "/database-app")
                .description("Concierge's least-privileged database role; the app creates or updates it at start")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"username\":\"" + APP_USER + "\"}")
                        .generateStringKey("password")
                        .excludeCharacters(EXCLUDED)
                        .passwordLength(32)
                        .build())
                .removalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        NagSuppressions.addResourceSuppressions(app, List.of(suppression("AwsSolutions-SMG4",
                "The app sets this role's password from the secret at every start (DATABASE_MIGRATION_USER creates or "
                        + "updates the role), so a rotation is: change the secret, then redeploy; a rotation Lambda "
                        + "would change it under running tasks, which read it once at start")));
    }

    /** Hosted single-user rotation of the master secret, its Lambda in the private subnets allowed into the database. */
    void rotateMaster(DatabaseCluster database, IVpc vpc, SecurityGroup databaseSecurityGroup) {
        SecurityGroup rotation = SecurityGroup.Builder.create(this, "RotationSecurityGroup")
                .vpc(vpc)
                .description("Rotation of the Aurora master secret: out to Aurora and the Secrets Manager endpoint")
                .allowAllOutbound(true)
                .build();
        databaseSecurityGroup.addIngressRule(rotation, Port.tcp(NetworkStack.DATABASE_PORT), "PostgreSQL from the secret rotation");
        database.getSecret().addRotationSchedule("Rotation", RotationScheduleOptions.builder()
                .hostedRotation(HostedRotation.postgreSqlSingleUser(SingleUserHostedRotationOptions.builder()
                        .vpc(vpc)
                        .vpcSubnets(NetworkStack.privateSubnets())
                        .securityGroups(List.of(rotation))
                        .build()))
                .automaticallyAfter(Duration.days(MASTER_ROTATION_DAYS))
                .build());
    }

    public DatabaseSecret master() { return master; }

    /** JSON with {@code username} ({@value #APP_USER}) and {@code password}. */
    public Secret app() { return app; }
}
