package dev.concierge.infrastructure;

import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.logs.RetentionDays;

import java.util.Locale;

/**
 * The sizes of one environment, chosen by the CDK context {@code env} ({@code dev} or {@code prod}). Every
 * difference between environments lives here, so a stack reads as the same design at two sizes.
 *
 * @param natGateways         internet egress for Ollama's model downloads and OpenAI; AWS services go through VPC endpoints
 * @param minTasks            fewest app tasks (each task owns one GPU instance)
 * @param maxTasks            most app tasks under load
 * @param appLogDays          retention of application and database logs
 * @param auditLogDays        retention of VPC flow logs, WAF and load-balancer logs, kept longer for investigations
 * @param databaseBackupDays  Aurora automated backups
 * @param production          deletion protection on, resources retained or snapshotted on stack deletion
 * @param multiAzDatabase     the reader sits in a second availability zone, ready to take over from the writer
 * @param requestsPerIpPer5Minutes WAF rate limit per client IP
 * @param databaseConnectionsAlarm about 80% of Aurora's max_connections for the instance size
 */
public record DeploymentProfile(
        String name,
        int natGateways,
        int minTasks,
        int maxTasks,
        int appLogDays,
        int auditLogDays,
        int databaseBackupDays,
        boolean production,
        boolean multiAzDatabase,
        InstanceType databaseInstanceType,
        InstanceType gpuInstanceType,
        int requestsPerIpPer5Minutes,
        int databaseConnectionsAlarm) {

    /** One small task on one GPU instance, one NAT gateway, a week of logs; cheap to leave running and to delete. */
    public static DeploymentProfile dev() {
        return new DeploymentProfile("dev", 1, 1, 1, 7, 7, 7, false, false,
                InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MEDIUM),
                InstanceType.of(InstanceClass.G4DN, InstanceSize.XLARGE), 1000, 360);
    }

    /** Two to four tasks across two zones, a NAT gateway per zone, 30/90-day logs, deletion protection. */
    public static DeploymentProfile prod() {
        return new DeploymentProfile("prod", 2, 2, 4, 30, 90, 30, true, true,
                InstanceType.of(InstanceClass.MEMORY6_GRAVITON, InstanceSize.LARGE),
                InstanceType.of(InstanceClass.G4DN, InstanceSize.XLARGE), 2000, 1400);
    }

    public RetentionDays appLogRetention() { return retention(appLogDays); }

    public RetentionDays auditLogRetention() { return retention(auditLogDays); }

    private static RetentionDays retention(int days) {
        return switch (days) {
            case 7 -> RetentionDays.ONE_WEEK;
            case 30 -> RetentionDays.ONE_MONTH;
            case 90 -> RetentionDays.THREE_MONTHS;
            default -> throw new IllegalArgumentException("no CloudWatch retention of " + days + " days");
        };
    }

    public static DeploymentProfile named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "dev" -> dev();
            case "prod" -> prod();
            default -> throw new IllegalArgumentException("CDK context env must be dev or prod, got '" + name + "'");
        };
    }
}
