package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.Ec2TaskDefinition;
import software.amazon.awscdk.services.ecs.NetworkMode;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

import java.util.List;

import static dev.concierge.infrastructure.DataStack.suppression;

/**
 * The two roles of one task definition, kept apart (seed 001): the execution role lets the ECS agent pull images,
 * write logs and read the task's secrets; the task role is what the app itself may do: read and write the files
 * bucket (and, beside a model server, mount the weights volume).
 */
final class TaskRoles extends Construct {
    private final Role execution;
    private final Role task;

    TaskRoles(Construct scope, String id, ComputeStackProps props, String tier) {
        super(scope, id);
        execution = Role.Builder.create(this, "Execution")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("ECS agent for Concierge " + tier + " tasks: pull the images, write logs, read the task's secrets")
                .build();
        task = Role.Builder.create(this, "Task")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("Concierge " + tier + " tasks at run time: the files bucket")
                .build();
        props.filesBucket().grantReadWrite(task);
        NagSuppressions.addResourceSuppressions(task, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("The app reads and writes any key of its own files bucket (exports and import originals, keys "
                        + "chosen at run time); the object actions are the CDK's grantReadWrite set on that one bucket")
                .appliesTo(List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*",
                        "Action::s3:DeleteObject*", "Action::s3:Abort*",
                        RegexAppliesTo.builder().regex("/^Resource::(<FilesStoreFiles[0-9A-F]+\\.Arn>|Concierge-[a-z]+-Data:ExportsOutputFnGetAttFilesStoreFiles[0-9A-Za-z]+)\\/\\*$/").build()))
                .build()), true);
    }

    /** Lets the agent pull the model server's image through the pull-through cache, creating its repository on first pull. */
    void pullThroughCache(ComputeStackProps props) {
        execution.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchImportUpstreamImage", "ecr:CreateRepository"))
                .resources(List.of(props.modelServerRepositories()))
                .build());
        execution.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ecr:GetAuthorizationToken")).resources(List.of("*")).build());
    }

    /** After the task definition and its containers have written the roles' policies. */
    void suppressAgentFindings() {
        NagSuppressions.addResourceSuppressions(execution, List.of(suppression("AwsSolutions-IAM5",
                "ecr:GetAuthorizationToken has no resource-level permissions; pulls themselves are limited to the app's "
                        + "repository and the pull-through cache's repositories of the model server image, whose names "
                        + "ECR creates under the cache's prefix on first pull", "Resource::*")), true);
        NagSuppressions.addResourceSuppressions(execution, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("The pull-through cache creates one repository per upstream image under its prefix on first "
                        + "pull, so the pulling role names the prefix, not repositories that do not exist yet")
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::arn:<AWS::Partition>:ecr:.*:repository\\/concierge-[a-z]+-docker-hub\\/\\*$/").build()))
                .build()), true);
    }

    Role execution() { return execution; }

    Role task() { return task; }

    /**
     * A GPU tier's task with these roles: awsvpc, the model weights mounted. The generation and combined layouts build
     * it alike; each then adds its containers in its own order.
     */
    Ec2TaskDefinition gpuTask(Construct tier, ModelWeights weights, SecurityGroup securityGroup) {
        return Ec2TaskDefinition.Builder.create(tier, "Task")
                .networkMode(NetworkMode.AWS_VPC)
                .executionRole(execution)
                .taskRole(task)
                .volumes(List.of(weights.mountableBy(securityGroup, task)))
                .build();
    }
}
