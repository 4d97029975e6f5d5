package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.rds.IDatabaseCluster;
import software.amazon.awscdk.services.secretsmanager.ISecret;

import java.util.Objects;

/**
 * What the compute stack needs from the others, and what the app runs with.
 *
 * @param imageTag         the tag of the app image in {@code repository} to run
 * @param llmProvider      the app's {@code LLM_PROVIDER}: {@code ollama} (the GPU sidecar) or {@code openai}
 * @param ollamaModel      the model the sidecar pulls and the app asks for ({@code OLLAMA_MODEL})
 * @param ollamaImage      the Ollama container image
 * @param albAuthenticates the ALB signs users in, so the app reads its signed header ({@code AUTH_MODE=alb})
 * @param telemetry        the log router and trace collector beside every app container
 */
public record ComputeStackProps(
        StackProps stack,
        DeploymentProfile profile,
        IVpc vpc,
        IRepository repository,
        String imageTag,
        IDatabaseCluster database,
        ISecret databaseSecret,
        ISecret openAiApiKey,
        IApplicationLoadBalancer loadBalancer,
        ApplicationTargetGroup targetGroup,
        String llmProvider,
        String ollamaModel,
        String ollamaImage,
        boolean albAuthenticates,
        AppTelemetry telemetry) {

    public ComputeStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(vpc, "vpc");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(imageTag, "imageTag");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(databaseSecret, "databaseSecret");
        Objects.requireNonNull(openAiApiKey, "openAiApiKey");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(targetGroup, "targetGroup");
        Objects.requireNonNull(ollamaModel, "ollamaModel");
        Objects.requireNonNull(ollamaImage, "ollamaImage");
        Objects.requireNonNull(telemetry, "telemetry");
        if (!"ollama".equals(llmProvider) && !"openai".equals(llmProvider)) {
            throw new IllegalArgumentException("llmProvider must be ollama or openai, got '" + llmProvider + "'");
        }
    }
}
