package dev.concierge.adapter.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Resolves, once at start, every setting whose value is a Secrets Manager reference ({@link SecretReference}) into
 * the secret's value; plain values pass through untouched and, when there is no reference, AWS is never called.
 * Each secret is read once however many settings use it. Any reference that cannot be resolved stops start-up:
 * {@link UnresolvableSecrets} lists each one with its setting, its secret and the reason.
 */
public final class SecretReferences {
    /** Region of the Secrets Manager calls; unset: the region in the reference's ARN, else the AWS SDK's default chain. */
    public static final String REGION_SETTING = "AWS_REGION";
    /** Another Secrets Manager endpoint (LocalStack, a test server); the AWS CLI and SDKs read the same variable. */
    public static final String ENDPOINT_SETTING = "AWS_ENDPOINT_URL_SECRETS_MANAGER";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretReferences() {}

    /** The settings with every reference replaced by its value, using the default AWS credentials chain. */
    public static Map<String, String> resolve(Map<String, String> settings) {
        return resolve(settings, () -> DefaultCredentialsProvider.builder().build());
    }

    static Map<String, String> resolve(Map<String, String> settings, Supplier<AwsCredentialsProvider> credentials) {
        List<String> problems = new ArrayList<>();
        Map<String, SecretReference> references = new TreeMap<>();
        settings.forEach((name, value) -> {
            if (value == null) return;
            try {
                SecretReference.parse(value).ifPresent(reference -> references.put(name, reference));
            } catch (IllegalArgumentException e) {
                problems.add(name + ": the Secrets Manager reference '" + value.strip() + "' " + e.getMessage());
            }
        });
        if (references.isEmpty() && problems.isEmpty()) return settings;

        Map<String, String> resolved = new LinkedHashMap<>(settings);
        if (!references.isEmpty()) {
            Optional<URI> endpoint = endpoint(settings, problems);
            Optional<String> region = Optional.ofNullable(settings.get(REGION_SETTING)).map(String::strip).filter(r -> !r.isEmpty());
            Map<String, SecretsManagerSecrets> clients = new HashMap<>();
            Map<String, SecretsManagerSecrets.Outcome> secrets = new HashMap<>();
            try {
                references.forEach((name, reference) -> {
                    Optional<String> clientRegion = region.or(reference::region);
                    SecretsManagerSecrets client = clients.computeIfAbsent(clientRegion.orElse(""),
                            ignored -> new SecretsManagerSecrets(clientRegion, endpoint, credentials.get()));
                    SecretsManagerSecrets.Outcome outcome = secrets.computeIfAbsent(
                            clientRegion.orElse("") + "|" + reference.secretId(), ignored -> client.read(reference.secretId()));
                    valueOf(reference, outcome).ifPresentOrElse(
                            value -> resolved.put(name, value),
                            () -> problems.add(name + ": cannot read the Secrets Manager secret '" + reference.describe()
                                    + "': " + reasonOf(reference, outcome)));
                });
            } finally {
                clients.values().forEach(SecretsManagerSecrets::close);
            }
        }
        if (!problems.isEmpty()) throw new UnresolvableSecrets(problems);
        return resolved;
    }

    private static Optional<URI> endpoint(Map<String, String> settings, List<String> problems) {
        String value = Optional.ofNullable(settings.get(ENDPOINT_SETTING)).map(String::strip).orElse("");
        if (value.isEmpty()) return Optional.empty();
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) return Optional.of(uri);
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        problems.add(ENDPOINT_SETTING + ": must be an http(s) URL such as http://localhost:4566, got '" + value + "'");
        return Optional.empty();
    }

    private static Optional<String> valueOf(SecretReference reference, SecretsManagerSecrets.Outcome outcome) {
        if (!(outcome instanceof SecretsManagerSecrets.Outcome.Found found)) return Optional.empty();
        if (reference.jsonKey().isEmpty()) return Optional.of(found.secretString());
        return field(found.secretString(), reference.jsonKey().get());
    }

    private static String reasonOf(SecretReference reference, SecretsManagerSecrets.Outcome outcome) {
        return switch (outcome) {
            case SecretsManagerSecrets.Outcome.Failed failed -> failed.reason();
            case SecretsManagerSecrets.Outcome.Found found -> keys(found.secretString())
                    .map(keys -> "the secret has no key '" + reference.jsonKey().orElseThrow() + "' (its keys: " + keys + ")")
                    .orElse("the secret is not a JSON object, so it has no key '" + reference.jsonKey().orElseThrow()
                            + "'; drop '#" + reference.jsonKey().orElseThrow() + "' to use the whole secret");
        };
    }

    private static Optional<String> field(String secretString, String key) {
        return object(secretString).map(json -> json.get(key)).filter(node -> node != null && !node.isNull())
                .map(node -> node.isValueNode() ? node.asText() : node.toString());
    }

    private static Optional<List<String>> keys(String secretString) {
        return object(secretString).map(json -> {
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            return names;
        });
    }

    private static Optional<JsonNode> object(String secretString) {
        try {
            JsonNode json = JSON.readTree(secretString);
            return json != null && json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Start-up stops: each line names the setting, the secret and why it could not be read. */
    public static final class UnresolvableSecrets extends RuntimeException {
        private final List<String> problems;

        UnresolvableSecrets(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() { return problems; }
    }
}
