package dev.concierge.infrastructure;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.Secret;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one app container, by the names the app reads (README "Settings", CONTRACT-19): the same for every
 * role except {@code ROLE} itself and where the model server is. Secrets reach the container through the task
 * definition's secrets, never as plain environment.
 */
final class AppSettings {
    /** The app's data directory in the image (Dockerfile); unused in AWS, where the database is Aurora. */
    static final String DATA_DIR = "/app/data";
    /** Generation jobs one worker container runs at once: Ollama serves few at a time, vLLM batches many. */
    static final Map<LlmEngine, Integer> GENERATION_CONCURRENCY = Map.of(LlmEngine.OLLAMA, 2, LlmEngine.VLLM, 8);

    private final ComputeStackProps props;

    AppSettings(ComputeStackProps props) {
        this.props = props;
    }

    /**
     * @param modelServerHost {@code localhost} beside the model server in its task, or its Service Connect name
     */
    Map<String, String> environment(AppRole role, String modelServerHost) {
        ModelServer modelServer = props.modelServer();
        String modelServerUrl = "http://" + modelServerHost + ":" + modelServer.engine().port();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ROLE", role.value());
        environment.put("PORT", String.valueOf(NetworkStack.APP_PORT));
        environment.put("HOST", "0.0.0.0"); // the load balancer reaches the task on its own address
        environment.put("DATA_DIR", DATA_DIR);
        // host:port of the writer, both from the cluster (its port is NetworkStack.DATABASE_PORT)
        environment.put("DATABASE_URL", "jdbc:postgresql://" + props.database().getClusterEndpoint().getSocketAddress()
                + "/" + DataStack.DATABASE_NAME);
        environment.put("LLM_PROVIDER", modelServer.engine().appProvider());
        switch (modelServer.engine()) {
            case OLLAMA -> {
                environment.put("OLLAMA_BASE_URL", modelServerUrl);
                environment.put("OLLAMA_MODEL", modelServer.model());
            }
            case VLLM -> {
                environment.put("OPENAI_BASE_URL", modelServerUrl + "/v1");
                environment.put("OPENAI_MODEL", modelServer.model());
            }
        }
        if (role == AppRole.WORKER) {
            environment.put("GENERATION_CONCURRENCY", String.valueOf(GENERATION_CONCURRENCY.get(modelServer.engine())));
        }
        environment.put("QUEUE_METRICS_NAMESPACE", props.queueMetricsNamespace());
        environment.put("FILES_STORE", "s3");
        environment.put("FILES_BUCKET", props.filesBucket().getBucketName());
        environment.put("LOG_FORMAT", "json");
        environment.put("AWS_REGION", Stack.of(props.vpc()).getRegion());
        switch (props.identity()) {
            case Identity.AlbSignIn ignored -> {
                environment.put("AUTH_MODE", "alb");
                // The ALB signs the x-amzn-oidc-data header; the app accepts only tokens whose signer is this ALB.
                environment.put("ALB_SIGNER_ARN", props.loadBalancer().getLoadBalancerArn());
            }
            case Identity.AppSignIn signIn -> {
                environment.put("AUTH_MODE", "oidc");
                environment.put("OIDC_ISSUER", signIn.issuer());
                environment.put("OIDC_CLIENT_ID", signIn.clientId());
                environment.put("PUBLIC_BASE_URL", signIn.publicBaseUrl());
            }
            case Identity.SharedIdentity ignored -> {
                environment.put("AUTH_MODE", "local");
                environment.put("LOCAL_USER", Identity.SharedIdentity.USER);
                // The deployer wrote sharedIdentity=true: one identity for everyone, on purpose.
                environment.put("ALLOW_LOCAL_AUTH_WITH_REMOTE_DATABASE", "true");
            }
        }
        return environment;
    }

    /** The owner for migrations, the app's own role for the pool, the API key, and the sign-in's secrets. */
    Map<String, Secret> secrets(software.constructs.Construct scope) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put("DATABASE_MIGRATION_USER", Secret.fromSecretsManager(props.databaseSecret(), "username"));
        secrets.put("DATABASE_MIGRATION_PASSWORD", Secret.fromSecretsManager(props.databaseSecret(), "password"));
        secrets.put("DATABASE_USER", Secret.fromSecretsManager(props.databaseAppSecret(), "username"));
        secrets.put("DATABASE_PASSWORD", Secret.fromSecretsManager(props.databaseAppSecret(), "password"));
        secrets.put("OPENAI_API_KEY", Secret.fromSecretsManager(props.openAiApiKey()));
        if (props.identity() instanceof Identity.AppSignIn signIn) {
            secrets.put("OIDC_CLIENT_SECRET", Secret.fromSecretsManager(oidcClientSecret(scope, signIn)));
            secrets.put("SESSION_SECRET", Secret.fromSecretsManager(props.sessionSecret().orElseThrow()));
        }
        return secrets;
    }

    /** The client secret the deployer stored under {@code oidcClientSecretName}; looked up once per stack. */
    private static software.amazon.awscdk.services.secretsmanager.ISecret oidcClientSecret(
            software.constructs.Construct scope, Identity.AppSignIn signIn) {
        Stack stack = Stack.of(scope);
        var existing = stack.getNode().tryFindChild("OidcClientSecret");
        if (existing instanceof software.amazon.awscdk.services.secretsmanager.ISecret secret) return secret;
        return software.amazon.awscdk.services.secretsmanager.Secret.fromSecretNameV2(stack, "OidcClientSecret", signIn.clientSecretName());
    }
}
