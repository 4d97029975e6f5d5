package dev.concierge.infrastructure;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecs.AuthorizationConfig;
import software.amazon.awscdk.services.ecs.EfsVolumeConfiguration;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.efs.AccessPoint;
import software.amazon.awscdk.services.efs.AccessPointOptions;
import software.amazon.awscdk.services.efs.Acl;
import software.amazon.awscdk.services.efs.FileSystem;
import software.amazon.awscdk.services.efs.PerformanceMode;
import software.amazon.awscdk.services.efs.PosixUser;
import software.amazon.awscdk.services.efs.ThroughputMode;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.Construct;

/**
 * Where the model server keeps its weights: one encrypted EFS file system shared by every GPU task in both zones, so
 * an instance that replaces another (or a second one under load) finds the model there instead of downloading
 * gigabytes again; AWS Backup copies it daily (seed 002 asks for daily snapshots). Chosen over seed 002's per-instance
 * EBS gp3 volume: an EBS volume belongs to one instance in one zone, so a replacement in the other zone, or a second
 * task, would start empty or from a snapshot restored lazily block by block.
 */
public final class ModelWeights extends Construct {
    public static final String VOLUME_NAME = "model-weights";

    private final FileSystem fileSystem;
    private final AccessPoint accessPoint;

    public ModelWeights(Construct scope, String id, DeploymentProfile profile, IVpc vpc, LlmEngine engine) {
        super(scope, id);
        fileSystem = FileSystem.Builder.create(this, "FileSystem")
                .vpc(vpc)
                .vpcSubnets(NetworkStack.privateSubnets())
                .encrypted(true)
                .enableAutomaticBackups(true) // AWS Backup's default plan: daily, kept 35 days
                .performanceMode(PerformanceMode.GENERAL_PURPOSE)
                // Elastic: a model load reads gigabytes at once, then nothing for hours.
                .throughputMode(ThroughputMode.ELASTIC)
                .removalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        // The model servers run as root and write their own layout (Ollama's models/, Hugging Face's hub/).
        accessPoint = fileSystem.addAccessPoint("ModelServer", AccessPointOptions.builder()
                .path("/" + engine.name().toLowerCase(java.util.Locale.ROOT))
                .createAcl(Acl.builder().ownerUid("0").ownerGid("0").permissions("755").build())
                .posixUser(PosixUser.builder().uid("0").gid("0").build())
                .build());
    }

    /** Lets {@code tasks} mount the file system over TLS with their task role. */
    public Volume mountableBy(IConnectable tasks, IGrantable taskRole) {
        fileSystem.getConnections().allowDefaultPortFrom(tasks, "NFS from the model server tasks");
        fileSystem.grantReadWrite(taskRole);
        return Volume.builder()
                .name(VOLUME_NAME)
                .efsVolumeConfiguration(EfsVolumeConfiguration.builder()
                        .fileSystemId(fileSystem.getFileSystemId())
                        .transitEncryption("ENABLED")
                        .authorizationConfig(AuthorizationConfig.builder()
                                .accessPointId(accessPoint.getAccessPointId()).iam("ENABLED").build())
                        .build())
                .build();
    }

    public FileSystem fileSystem() { return fileSystem; }

}
