package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IInterfaceVpcEndpointService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.NatInstanceProps;
import software.amazon.awscdk.services.ec2.NatInstanceProviderV2;
import software.amazon.awscdk.services.ec2.NatProvider;
import software.amazon.awscdk.services.ec2.NatTrafficDirection;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The VPC: public subnets for the load balancer and NAT, private subnets for the ECS tasks, isolated subnets for
 * Aurora; VPC endpoints so image pulls, secrets and logs never leave AWS's network. {@link Egress} chooses NAT
 * gateways, one NAT instance, or no NAT at all. Security groups live with what
 * they protect; the rules between them are created in the stack that depends on both (compute), never in a cycle.
 */
public final class NetworkStack extends Stack {
    /** The app listens here; the load balancer's target group and health check use it too. */
    public static final int APP_PORT = 8080;
    public static final int DATABASE_PORT = 5432;
    /** Seed 001's NAT instance for dev: the smallest Graviton size carries a team's egress. */
    public static final InstanceType NAT_INSTANCE_TYPE = InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.NANO);
    static final String PRIVATE = "private";
    static final String DATABASE = "database";

    private final Vpc vpc;

    public NetworkStack(Construct scope, String id, NetworkStackProps props) {
        super(scope, id, props.stack());
        DeploymentProfile profile = props.profile();

        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(profile.auditLogRetention())
                .removalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        Egress egress = props.egress();
        Vpc.Builder builder = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(props.vpcCidr()))
                // Two zones: enough for Aurora's subnet group and the ALB, and all an environment-agnostic stack can name.
                .maxAzs(2)
                .natGateways(egress == Egress.ENDPOINTS ? 0 : egress == Egress.NAT_INSTANCE ? 1 : profile.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name(PRIVATE).cidrMask(22)
                                .subnetType(egress == Egress.ENDPOINTS ? SubnetType.PRIVATE_ISOLATED : SubnetType.PRIVATE_WITH_EGRESS).build(),
                        SubnetConfiguration.builder().name(DATABASE).subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
                .flowLogs(Map.of("All", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build()));
        NatInstanceProviderV2 natInstance = null;
        if (egress == Egress.NAT_INSTANCE) {
            NatInstanceProps.Builder nat = NatInstanceProps.builder()
                    .instanceType(NAT_INSTANCE_TYPE)
                    // Nothing may open a connection to the instance from outside; the VPC's own traffic is let in below.
                    .defaultAllowedTraffic(NatTrafficDirection.OUTBOUND_ONLY);
            props.natInstanceAmi().ifPresent(ami -> nat.machineImage(MachineImage.genericLinux(Map.of(props.stack().getEnv().getRegion(), ami))));
            natInstance = NatProvider.instanceV2(nat.build());
            builder.natGatewayProvider(natInstance);
        }
        vpc = builder.build();
        if (natInstance != null) {
            natInstance.getConnections().allowFrom(Peer.ipv4(vpc.getVpcCidrBlock()), Port.allTraffic(), "Traffic to the internet from the VPC");
            NagSuppressions.addResourceSuppressions(vpc, List.of(
                    DataStack.suppression("AwsSolutions-EC28", "The dev NAT instance: its CloudWatch basic metrics are enough, detailed monitoring would cost more than the instance"),
                    DataStack.suppression("AwsSolutions-EC29", "The dev NAT instance is replaced, not protected: losing it only pauses egress until CloudFormation recreates it"),
                    DataStack.suppression("AwsSolutions-EC26", "The NAT instance's root volume holds the AMI only, no data"),
                    DataStack.suppression("CdkNagValidationFailure", "EC23 cannot read the NAT instance's ingress rule because it names the VPC's CIDR through a token; the rule admits the VPC only")), true);
        }

        // S3 (ECR's image layers, the log archive) through a free gateway endpoint; the rest through interface endpoints.
        vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build());
        Map<String, IInterfaceVpcEndpointService> interfaceEndpoints = new java.util.TreeMap<>(Map.of(
                "EcrApi", InterfaceVpcEndpointAwsService.ECR,
                "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER,
                "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
                "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS));
        if (egress == Egress.ENDPOINTS) {
            // Without NAT, the GPU instances' ECS agent and the trace collector need their own endpoints too.
            interfaceEndpoints.putAll(Map.of(
                    "Ecs", InterfaceVpcEndpointAwsService.ECS,
                    "EcsAgent", InterfaceVpcEndpointAwsService.ECS_AGENT,
                    "EcsTelemetry", InterfaceVpcEndpointAwsService.ECS_TELEMETRY,
                    "XRay", InterfaceVpcEndpointAwsService.XRAY));
        }
        interfaceEndpoints.forEach((name, service) -> {
            InterfaceVpcEndpoint created = vpc.addInterfaceEndpoint(name, InterfaceVpcEndpointOptions.builder()
                    .service(service)
                    .privateDnsEnabled(true)
                    .subnets(privateSubnets())
                    .build());
            NagSuppressions.addResourceSuppressions(created, List.of(DataStack.suppression("CdkNagValidationFailure",
                    "EC23 cannot read the endpoint's ingress rule because it names the VPC's CIDR through a token; "
                            + "the rule admits HTTPS from inside the VPC only")), true);
        });
    }

    public Vpc vpc() { return vpc; }

    /** The tasks' subnets, by name: with {@code egress=endpoints} they are isolated rather than behind a NAT. */
    static SubnetSelection privateSubnets() {
        return SubnetSelection.builder().subnetGroupName(PRIVATE).build();
    }

    /** Aurora's subnets. */
    static SubnetSelection databaseSubnets() {
        return SubnetSelection.builder().subnetGroupName(DATABASE).build();
    }
}
