package dev.concierge.adapter.secrets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretReferencesTest {
    private static final String AURORA_SECRET = """
            {"dbClusterIdentifier":"concierge-dev","password":"s3cret-Pa55","dbname":"concierge","engine":"postgres",
             "port":5432,"host":"concierge-dev.cluster-abc.ap-northeast-1.rds.amazonaws.com","username":"concierge"}""";

    private SecretsManagerWireFixture secretsManager;

    @BeforeEach void start() throws Exception {
        secretsManager = new SecretsManagerWireFixture();
    }

    @AfterEach void stop() {
        secretsManager.close();
    }

    @Test void plain_values_pass_through_and_aws_is_never_called() {
        Map<String, String> settings = Map.of("PORT", "8080", "DATABASE_URL", "jdbc:postgresql://db:5432/concierge",
                "OPENAI_BASE_URL", "https://api.openai.com/v1");

        assertThat(resolve(settings)).isEqualTo(settings);
        assertThat(secretsManager.requests()).isEmpty();
    }

    @Test void a_whole_secret_and_keys_of_a_json_secret_are_resolved_reading_each_secret_once() {
        secretsManager.secret("concierge/dev/database", AURORA_SECRET);
        secretsManager.secret("concierge/dev/openai-api-key", "sk-test-123");

        Map<String, String> resolved = resolve(Map.of(
                "DATABASE_USER", "secretsmanager:concierge/dev/database#username",
                "DATABASE_PASSWORD", "secretsmanager:concierge/dev/database#password",
                "DATABASE_POOL_SIZE", "secretsmanager:concierge/dev/database#port",
                "OPENAI_API_KEY", "secretsmanager:concierge/dev/openai-api-key",
                "PORT", "8080"));

        assertThat(resolved).containsEntry("DATABASE_USER", "concierge").containsEntry("DATABASE_PASSWORD", "s3cret-Pa55")
                .containsEntry("DATABASE_POOL_SIZE", "5432").containsEntry("OPENAI_API_KEY", "sk-test-123")
                .containsEntry("PORT", "8080");
        assertThat(secretsManager.requests()).map(SecretsManagerWireFixture.Request::secretId)
                .containsExactlyInAnyOrder("concierge/dev/database", "concierge/dev/openai-api-key");
    }

    @Test void requests_are_signed_get_secret_value_calls_in_the_json_protocol() {
        secretsManager.secret("concierge/dev/openai-api-key", "sk-test-123");

        resolve(Map.of("OPENAI_API_KEY", "secretsmanager:concierge/dev/openai-api-key"));

        assertThat(secretsManager.requests()).singleElement().satisfies(request -> {
            assertThat(request.target()).isEqualTo("secretsmanager.GetSecretValue");
            assertThat(request.contentType()).isEqualTo("application/x-amz-json-1.1");
            assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                    .contains("/ap-northeast-1/secretsmanager/aws4_request");
        });
    }

    @Test void an_arn_names_its_secret_and_its_region_with_or_without_a_key() {
        String arn = secretsManager.secret("concierge/dev/database", AURORA_SECRET);

        Map<String, String> settings = new HashMap<>(Map.of("DATABASE_PASSWORD", arn + "#password", "SECRET_JSON", arn));
        settings.put(SecretReferences.ENDPOINT_SETTING, secretsManager.endpoint().toString());
        Map<String, String> resolved = SecretReferences.resolve(settings, SecretReferencesTest::testCredentials);

        assertThat(resolved).containsEntry("DATABASE_PASSWORD", "s3cret-Pa55").containsEntry("SECRET_JSON", AURORA_SECRET);
        assertThat(secretsManager.requests()).allSatisfy(request -> assertThat(request.secretId()).isEqualTo(arn));
    }

    @Test void a_missing_secret_stops_start_up_naming_the_setting_and_the_secret() {
        assertThatThrownBy(() -> resolve(Map.of("DATABASE_PASSWORD", "secretsmanager:concierge/dev/nothing#password")))
                .isInstanceOf(SecretReferences.UnresolvableSecrets.class)
                .hasMessageContaining("DATABASE_PASSWORD")
                .hasMessageContaining("concierge/dev/nothing#password")
                .hasMessageContaining("no such secret in ap-northeast-1");
    }

    @Test void an_unreadable_secret_says_which_permission_is_missing() {
        secretsManager.secret("concierge/dev/database", AURORA_SECRET);
        secretsManager.deny("concierge/dev/database");

        assertThatThrownBy(() -> resolve(Map.of("DATABASE_USER", "secretsmanager:concierge/dev/database#username")))
                .hasMessageContaining("DATABASE_USER")
                .hasMessageContaining("concierge/dev/database")
                .hasMessageContaining("secretsmanager:GetSecretValue");
    }

    @Test void a_missing_key_lists_the_secrets_keys_but_never_its_values() {
        secretsManager.secret("concierge/dev/database", AURORA_SECRET);

        assertThatThrownBy(() -> resolve(Map.of("DATABASE_PASSWORD", "secretsmanager:concierge/dev/database#pasword")))
                .hasMessageContaining("DATABASE_PASSWORD")
                .hasMessageContaining("no key 'pasword'")
                .hasMessageContaining("password")
                .hasMessageNotContaining("s3cret-Pa55");
    }

    @Test void a_key_of_a_secret_that_is_not_json_is_refused() {
        secretsManager.secret("concierge/dev/openai-api-key", "sk-test-123");

        assertThatThrownBy(() -> resolve(Map.of("OPENAI_API_KEY", "secretsmanager:concierge/dev/openai-api-key#key")))
                .hasMessageContaining("OPENAI_API_KEY")
                .hasMessageContaining("not a JSON object")
                .hasMessageNotContaining("sk-test-123");
    }

    @Test void every_problem_is_reported_at_once_including_malformed_references() {
        secretsManager.secret("concierge/dev/database", AURORA_SECRET);

        assertThatThrownBy(() -> resolve(Map.of(
                "DATABASE_USER", "secretsmanager:",
                "DATABASE_PASSWORD", "secretsmanager:concierge/dev/database#",
                "OPENAI_API_KEY", "arn:aws:secretsmanager:nowhere",
                "LOCAL_USER", "secretsmanager:concierge/dev/missing")))
                .isInstanceOf(SecretReferences.UnresolvableSecrets.class)
                .satisfies(e -> assertThat(((SecretReferences.UnresolvableSecrets) e).problems()).hasSize(4))
                .hasMessageContaining("DATABASE_USER: the Secrets Manager reference 'secretsmanager:' names no secret")
                .hasMessageContaining("DATABASE_PASSWORD: the Secrets Manager reference 'secretsmanager:concierge/dev/database#' has an empty JSON key")
                .hasMessageContaining("OPENAI_API_KEY: the Secrets Manager reference 'arn:aws:secretsmanager:nowhere' ")
                .hasMessageContaining("LOCAL_USER: cannot read the Secrets Manager secret 'concierge/dev/missing'");
    }

    @Test void a_bad_endpoint_override_is_reported_by_its_setting() {
        assertThatThrownBy(() -> SecretReferences.resolve(Map.of(
                "OPENAI_API_KEY", "secretsmanager:concierge/dev/openai-api-key",
                SecretReferences.REGION_SETTING, "ap-northeast-1",
                SecretReferences.ENDPOINT_SETTING, "localhost:4566"), SecretReferencesTest::testCredentials))
                .hasMessageContaining(SecretReferences.ENDPOINT_SETTING + ": must be an http(s) URL");
    }

    private Map<String, String> resolve(Map<String, String> settings) {
        Map<String, String> withEndpoint = new HashMap<>(settings);
        withEndpoint.put(SecretReferences.REGION_SETTING, "ap-northeast-1");
        withEndpoint.put(SecretReferences.ENDPOINT_SETTING, secretsManager.endpoint().toString());
        Map<String, String> resolved = new HashMap<>(SecretReferences.resolve(withEndpoint, SecretReferencesTest::testCredentials));
        resolved.remove(SecretReferences.REGION_SETTING);
        resolved.remove(SecretReferences.ENDPOINT_SETTING);
        return resolved;
    }

    private static StaticCredentialsProvider testCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret-key"));
    }
}
