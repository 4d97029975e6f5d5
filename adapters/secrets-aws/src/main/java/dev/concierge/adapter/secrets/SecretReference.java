package dev.concierge.adapter.secrets;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A setting's value that names a Secrets Manager secret instead of holding the value itself:
 * <ul>
 *   <li>{@code secretsmanager:<secret-id>} — the whole secret string; the id is a name or an ARN;</li>
 *   <li>{@code secretsmanager:<secret-id>#<json-key>} — one key of a JSON secret, e.g.
 *       {@code secretsmanager:concierge/prod/database#password};</li>
 *   <li>a secret's ARN ({@code arn:aws:secretsmanager:<region>:<account>:secret:<name>}), optionally with
 *       {@code #<json-key>}.</li>
 * </ul>
 * {@code #} cannot occur in secret names or ARNs, so it always starts the key.
 */
record SecretReference(String secretId, Optional<String> jsonKey) {
    static final String PREFIX = "secretsmanager:";
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):\\d{12}:secret:.+");

    /** Empty when the value is a plain value; a malformed reference throws, naming what is wrong. */
    static Optional<SecretReference> parse(String value) {
        String text = value.strip();
        String body;
        if (text.startsWith(PREFIX)) {
            body = text.substring(PREFIX.length());
        } else if (text.startsWith("arn:") && text.contains(":secretsmanager:")) {
            body = text;
        } else {
            return Optional.empty();
        }
        int hash = body.indexOf('#');
        String secretId = (hash < 0 ? body : body.substring(0, hash)).strip();
        Optional<String> key = hash < 0 ? Optional.empty() : Optional.of(body.substring(hash + 1).strip());
        if (secretId.isEmpty()) {
            throw new IllegalArgumentException("names no secret; write secretsmanager:<secret name or ARN>[#<json key>]");
        }
        if (key.isPresent() && key.get().isEmpty()) {
            throw new IllegalArgumentException("has an empty JSON key after '#'; write " + PREFIX + secretId + "#<json key>");
        }
        if (secretId.startsWith("arn:") && !ARN.matcher(secretId).matches()) {
            throw new IllegalArgumentException("'" + secretId + "' is not a Secrets Manager secret ARN "
                    + "(arn:aws:secretsmanager:<region>:<account>:secret:<name>)");
        }
        return Optional.of(new SecretReference(secretId, key));
    }

    /** The region an ARN names, so a reference works without AWS_REGION. */
    Optional<String> region() {
        var matcher = ARN.matcher(secretId);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The reference as a person wrote it, for messages (never the secret's value). */
    String describe() {
        return secretId + jsonKey.map(key -> "#" + key).orElse("");
    }
}
