package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.iam.CfnOIDCProvider;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The role GitHub Actions deploys with (seed 001: OIDC, no long-lived keys): trusted only for tokens of one
 * repository's one GitHub environment ({@code repo:<githubRepository>:environment:<githubEnvironment>}), allowed to
 * push the app image to this environment's repository and to assume the CDK bootstrap roles that {@code cdk deploy}
 * uses. GitHub's OIDC provider is created here unless the account has one ({@code githubOidcProviderArn}: an
 * account holds one provider per URL, so the second environment in an account names the first one's).
 */
public final class DeliveryStack extends Stack {
    public static final String GITHUB_OIDC_URL = "https://token.actions.githubusercontent.com";
    private static final String TOKEN = "token.actions.githubusercontent.com";

    /** What the deployer wrote in the context. */
    public record GitHub(String repository, String environment, Optional<String> existingProviderArn) {
        public GitHub {
            if (!repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("githubRepository must be owner/name, got '" + repository + "'");
            }
        }

        public String subject() { return "repo:" + repository + ":environment:" + environment; }
    }

    private final Role deployRole;

    public DeliveryStack(Construct scope, String id, StackProps stackProps, DeploymentProfile profile, GitHub github,
                         IRepository repository) {
        super(scope, id, stackProps);
        String providerArn = github.existingProviderArn().orElseGet(() -> CfnOIDCProvider.Builder.create(this, "GitHubOidc")
                .url(GITHUB_OIDC_URL)
                .clientIdList(List.of("sts.amazonaws.com"))
                .build().getAttrArn());
        deployRole = Role.Builder.create(this, "DeployRole")
                .roleName("concierge-" + profile.name() + "-github-deploy")
                .description("GitHub Actions of " + github.repository() + " (environment " + github.environment() + ") deploying Concierge "
                        + profile.name())
                .assumedBy(new FederatedPrincipal(providerArn, Map.of(
                        "StringEquals", Map.of(TOKEN + ":aud", "sts.amazonaws.com", TOKEN + ":sub", github.subject())),
                        "sts:AssumeRoleWithWebIdentity"))
                .maxSessionDuration(Duration.hours(1))
                .build();
        deployRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("sts:AssumeRole"))
                .resources(List.of("arn:" + getPartition() + ":iam::" + getAccount() + ":role/cdk-*"))
                .build());
        deployRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ecr:GetAuthorizationToken")).resources(List.of("*")).build());
        repository.grantPullPush(deployRole);
        repository.grantRead(deployRole);
        NagSuppressions.addResourceSuppressions(deployRole, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("cdk deploy acts through the CDK bootstrap roles (cdk-<qualifier>-deploy/file-publishing/image-publishing/"
                        + "lookup-role-<account>-<region>), whose names carry the qualifier; ecr:GetAuthorizationToken has no "
                        + "resource-level permissions")
                .appliesTo(List.of("Resource::*", "Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/cdk-*"))
                .build()), true);
        CfnOutput.Builder.create(this, "DeployRoleArn").value(deployRole.getRoleArn())
                .description("GitHub environment variable AWS_DEPLOY_ROLE_ARN").build();
    }

    public Role deployRole() { return deployRole; }
}
