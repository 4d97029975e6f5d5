package dev.concierge.adapter.secrets;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Reads secret strings with the AWS SDK v2 Secrets Manager client over the JDK's URLConnection (no Netty). */
final class SecretsManagerSecrets implements AutoCloseable {
    private final SecretsManagerClient client;
    private final Optional<String> region;

    sealed interface Outcome {
        record Found(String secretString) implements Outcome {}

        record Failed(String reason) implements Outcome {}
    }

    SecretsManagerSecrets(Optional<String> region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.region = region;
        var builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(10)))
                .credentialsProvider(credentials)
                .overrideConfiguration(config -> config
                        .apiCallTimeout(Duration.ofSeconds(30))
                        .retryStrategy(RetryMode.STANDARD));
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        SecretsManagerClient built;
        try {
            built = builder.build();
        } catch (SdkException e) {
            built = null; // no region: reported per secret below
        }
        this.client = built;
    }

    Outcome read(String secretId) {
        if (client == null) {
            return new Outcome.Failed("no AWS region: set " + SecretReferences.REGION_SETTING + " (e.g. ap-northeast-1) "
                    + "or give the secret's full ARN");
        }
        try {
            var response = client.getSecretValue(request -> request.secretId(secretId));
            if (response.secretString() == null) {
                return new Outcome.Failed("it holds binary data; settings need a secret string");
            }
            return new Outcome.Found(response.secretString());
        } catch (ResourceNotFoundException e) {
            return new Outcome.Failed("no such secret" + region.map(r -> " in " + r).orElse("") + " (check its name and "
                    + SecretReferences.REGION_SETTING + ")");
        } catch (DecryptionFailureException e) {
            return new Outcome.Failed("Secrets Manager could not decrypt it; the role needs kms:Decrypt on its key");
        } catch (SecretsManagerException e) {
            if ("AccessDeniedException".equals(e.awsErrorDetails().errorCode())) {
                return new Outcome.Failed("access denied; the role needs secretsmanager:GetSecretValue on it ("
                        + e.awsErrorDetails().errorMessage() + ")");
            }
            return new Outcome.Failed(e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            return new Outcome.Failed(e.getMessage());
        }
    }

    @Override public void close() {
        if (client != null) client.close();
    }
}
