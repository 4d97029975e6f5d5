package dev.concierge.adapter.http.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The load balancer's signing keys, fetched by key id from the regional endpoint ({@code <base>/<kid>}, a PEM) and
 * kept: a key id never changes its key, so each is fetched once per instance.
 */
final class AlbPublicKeys {
    /** Key ids are UUIDs; anything else would put caller-controlled text into the URL we fetch. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int MAX_CACHED = 64;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, ECPublicKey> keys = new ConcurrentHashMap<>();

    AlbPublicKeys(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The key for {@code keyId}, or empty when the id is malformed or the endpoint does not know it. */
    Optional<ECPublicKey> key(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) return Optional.empty();
        ECPublicKey cached = keys.get(keyId);
        if (cached != null) return Optional.of(cached);
        Optional<ECPublicKey> fetched = fetch(keyId);
        fetched.ifPresent(key -> {
            if (keys.size() >= MAX_CACHED) keys.clear(); // a flood of valid-looking ids cannot grow the cache
            keys.put(keyId, key);
        });
        return fetched;
    }

    private Optional<ECPublicKey> fetch(String keyId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/" + keyId))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) return Optional.empty();
            return Optional.of(parsePem(response.body()));
        } catch (IOException | IllegalArgumentException | java.security.GeneralSecurityException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static ECPublicKey parsePem(String pem) throws java.security.GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    }
}
