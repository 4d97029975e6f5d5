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
import software.amazon.awscdk.services.ec2.IpAddresses;
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
 * Aurora; VPC endpoints so image pulls, secrets and logs never leave AWS's network. Security groups live with what
 * they protect; the rules between them are created in the stack that depends on both (compute), never in a cycle.
 */
public final class NetworkStack extends Stack {
    /** The app listens here; the load balancer's target group and health check use it too. */
    public static final int APP_PORT = 8080;
    public static final int DATABASE_PORT = 5432;

    private final Vpc vpc;

    public NetworkStack(Construct scope, String id, NetworkStackProps props) {
        super(scope, id, props.stack());
        DeploymentProfile profile = props.profile();

        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(profile.auditLogRetention())
                .removalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(props.vpcCidr()))
                // Two zones: enough for Aurora's subnet group and the ALB, and all an environment-agnostic stack can name.
                .maxAzs(2)
                .natGateways(profile.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("private").subnetType(SubnetType.PRIVATE_WITH_EGRESS).cidrMask(22).build(),
                        SubnetConfiguration.builder().name("database").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
                .flowLogs(Map.of("All", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build()))
                .build();

        // S3 (ECR's image layers) through a free gateway endpoint; the rest through interface endpoints.
        vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build());
        Map<String, IInterfaceVpcEndpointService> interfaceEndpoints = Map.of(
                "EcrApi", InterfaceVpcEndpointAwsService.ECR,
                "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER,
                "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
                "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS);
        interfaceEndpoints.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(endpoint -> {
            InterfaceVpcEndpoint created = vpc.addInterfaceEndpoint(endpoint.getKey(), InterfaceVpcEndpointOptions.builder()
                    .service(endpoint.getValue())
                    .privateDnsEnabled(true)
                    .subnets(privateSubnets())
                    .build());
            NagSuppressions.addResourceSuppressions(created, List.of(DataStack.suppression("CdkNagValidationFailure",
                    "EC23 cannot read the endpoint's ingress rule because it names the VPC's CIDR through a token; "
                            + "the rule admits HTTPS from inside the VPC only")), true);
        });
    }

    public Vpc vpc() { return vpc; }

    static SubnetSelection privateSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
    }
}
