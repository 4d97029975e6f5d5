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
 * @param vpcCidr             the VPC's range unless the context key {@code vpcCidr} says otherwise (seed 001: dev
 *                            10.0.0.0/16, prod 10.2.0.0/16)
 * @param natGateways         internet egress for model downloads and OpenAI; AWS services go through VPC endpoints
 * @param minTasks            fewest GPU tasks of the combined layout (each task owns one GPU instance)
 * @param maxTasks            most GPU tasks of the combined layout under load
 * @param web                 the Fargate web tier of the tiered layout
 * @param minGenerationTasks  fewest GPU generation tasks (model server + workers): 0 lets dev stop paying for a GPU
 *                            while the queue is empty
 * @param maxGenerationTasks  most GPU generation tasks under a backlog
 * @param defaultLayout       the layout unless the context key {@code layout} says otherwise
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
        String vpcCidr,
        int natGateways,
        int minTasks,
        int maxTasks,
        WebTierSize web,
        int minGenerationTasks,
        int maxGenerationTasks,
        Layout defaultLayout,
        int appLogDays,
        int auditLogDays,
        int databaseBackupDays,
        boolean production,
        boolean multiAzDatabase,
        InstanceType databaseInstanceType,
        InstanceType gpuInstanceType,
        int requestsPerIpPer5Minutes,
        int databaseConnectionsAlarm) {

    /**
     * The Fargate web tier's size and scaling range.
     *
     * @param cpu       task CPU units (1024 = 1 vCPU)
     * @param memoryMiB task memory
     */
    public record WebTierSize(int cpu, int memoryMiB, int minTasks, int maxTasks) {}

    /**
     * One web task of 0.25 vCPU / 512 MB (seed 001; the production JVM flags keep the app under 384 MiB resident),
     * GPU generation capacity only while there is work, one NAT gateway, a week of logs; cheap to leave running and
     * to delete.
     */
    public static DeploymentProfile dev() {
        return new DeploymentProfile("dev", "10.0.0.0/16", 1, 1, 1, new WebTierSize(256, 512, 1, 1), 0, 1,
                Layout.TIERED, 7, 7, 7, false, false,
                InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MEDIUM),
                InstanceType.of(InstanceClass.G4DN, InstanceSize.XLARGE), 1000, 360);
    }

    /**
     * Two to ten web tasks of 1 vCPU / 2 GB (seeds 001 and 004) across two zones, one to four GPU generation tasks,
     * a NAT gateway per zone, 30/90-day logs, deletion protection.
     */
    public static DeploymentProfile prod() {
        return new DeploymentProfile("prod", "10.2.0.0/16", 2, 2, 4, new WebTierSize(1024, 2048, 2, 10), 1, 4,
                Layout.TIERED, 30, 90, 30, true, true,
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
