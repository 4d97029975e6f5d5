package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.InstancesDistribution;
import software.amazon.awscdk.services.autoscaling.LaunchTemplateOverrides;
import software.amazon.awscdk.services.autoscaling.MixedInstancesPolicy;
import software.amazon.awscdk.services.autoscaling.OnDemandAllocationStrategy;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.ecs.AmiHardwareType;
import software.amazon.awscdk.services.ecs.AsgCapacityProvider;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.EcsOptimizedImage;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

import java.util.List;

import static dev.concierge.infrastructure.DataStack.suppression;

/**
 * GPU container instances for the cluster: one Auto Scaling group whose mixed-instances policy falls back across
 * {@link #INSTANCE_TYPES} in that order (cheapest first; all one GPU, 4 vCPU, 16 GiB, so a task fits any of them)
 * when a zone has no capacity of the first, behind an ECS capacity provider that starts instances for pending tasks
 * and drains them before they stop. Seed 002: g4dn.xlarge or larger, the ECS GPU-optimised AMI.
 */
public final class GpuCapacity extends Construct {
    public static final List<InstanceType> INSTANCE_TYPES = List.of(
            InstanceType.of(InstanceClass.G4DN, InstanceSize.XLARGE),
            InstanceType.of(InstanceClass.G6, InstanceSize.XLARGE),
            InstanceType.of(InstanceClass.G5, InstanceSize.XLARGE));
    /** The instance's own disk: AMI, images and container layers (the model weights live on the shared volume). */
    public static final int ROOT_VOLUME_GIB = 60;

    private final AsgCapacityProvider capacityProvider;

    public GpuCapacity(Construct scope, String id, Cluster cluster, IVpc vpc, int maxTasks, java.util.Optional<OffHours> offHours) {
        super(scope, id);
        SecurityGroup instances = SecurityGroup.Builder.create(this, "InstanceSecurityGroup")
                .vpc(vpc)
                .description("GPU container instances: nothing comes in (tasks have their own network interfaces)")
                .allowAllOutbound(true)
                .build();
        UserData userData = UserData.forLinux();
        userData.addCommands(
                "echo ECS_ENABLE_GPU_SUPPORT=true >> /etc/ecs/ecs.config",
                // Tasks must not borrow the instance's role through the metadata service.
                "echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config");
        Role instanceRole = Role.Builder.create(this, "InstanceRole")
                .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
                .description("ECS container instances: register with the cluster (policies added by the capacity provider)")
                .build();
        LaunchTemplate launchTemplate = LaunchTemplate.Builder.create(this, "LaunchTemplate")
                .machineImage(EcsOptimizedImage.amazonLinux2023(AmiHardwareType.GPU))
                .userData(userData)
                .role(instanceRole)
                .securityGroup(instances)
                .requireImdsv2(true)
                .blockDevices(List.of(BlockDevice.builder()
                        .deviceName("/dev/xvda")
                        .volume(BlockDeviceVolume.ebs(ROOT_VOLUME_GIB, EbsDeviceOptions.builder()
                                .encrypted(true).volumeType(EbsDeviceVolumeType.GP3).build()))
                        .build()))
                .build();
        AutoScalingGroup group = AutoScalingGroup.Builder.create(this, "Instances")
                .vpc(vpc)
                .vpcSubnets(NetworkStack.privateSubnets())
                .mixedInstancesPolicy(MixedInstancesPolicy.builder()
                        .launchTemplate(launchTemplate)
                        .launchTemplateOverrides(INSTANCE_TYPES.stream()
                                .map(type -> LaunchTemplateOverrides.builder().instanceType(type).build()).toList())
                        .instancesDistribution(InstancesDistribution.builder()
                                // On demand, in the listed order: a generation must not vanish with a Spot reclaim.
                                .onDemandAllocationStrategy(OnDemandAllocationStrategy.PRIORITIZED)
                                .onDemandPercentageAboveBaseCapacity(100)
                                .build())
                        .build())
                .minCapacity(0)
                // one spare instance so a rolling deployment can start a new task before stopping an old one
                .maxCapacity(maxTasks + 1)
                .build();
        offHours.ifPresent(hours -> hours.scale(group, maxTasks + 1));
        NagSuppressions.addResourceSuppressions(group, List.of(
                suppression("AwsSolutions-AS3", "The ECS capacity provider scales this group; its activity shows in the "
                        + "ECS service events and Container Insights, so scaling notifications would only repeat them"),
                suppression("CdkNagValidationFailure", "EC26 cannot read a launch template inside a mixed-instances "
                        + "policy; the template's one block device is an encrypted gp3 volume (ComputeStackTest asserts it)")), true);
        capacityProvider = AsgCapacityProvider.Builder.create(this, "CapacityProvider")
                .autoScalingGroup(group)
                .enableManagedScaling(true)
                .targetCapacityPercent(100)
                // ECS drains an instance's tasks before the group terminates it: no drain-hook Lambda needed.
                .enableManagedDraining(true)
                .enableManagedTerminationProtection(false)
                .build();
        cluster.addAsgCapacityProvider(capacityProvider);
        // After addAsgCapacityProvider, which writes the instance role's policy.
        NagSuppressions.addResourceSuppressions(instanceRole, List.of(
                suppression("AwsSolutions-IAM5", "The ECS agent's own actions (poll, submit state changes, telemetry) "
                        + "take no resource ARN narrower than the cluster's container instances; added by the CDK "
                        + "capacity provider", "Resource::*", "Action::ecs:Submit*")), true);
    }

    public AsgCapacityProvider capacityProvider() { return capacityProvider; }
}
