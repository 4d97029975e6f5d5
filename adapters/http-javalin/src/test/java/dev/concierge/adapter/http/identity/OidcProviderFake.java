package dev.concierge.adapter.http.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider on a random local port, speaking the protocol as real ones do: discovery, JWKS, an
 * authorization endpoint that signs in whoever the test says (no login form) and redirects back with a code, and a
 * token endpoint that checks the client's credentials and the PKCE verifier before issuing an RS256 ID token. A test
 * can make the next ID token forged, expired, carry a wrong nonce, or be for another client.
 */
public final class OidcProviderFake implements AutoCloseable {
    public static final String CLIENT_ID = "concierge-test";
    public static final String CLIENT_SECRET = "client-secret-for-tests";

    public enum Trick { NONE, FORGED_SIGNATURE, EXPIRED, WRONG_NONCE, OTHER_AUDIENCE }

    public record User(String sub, String email, List<String> groups) {}

    private record Pending(User user, String nonce, String challenge, String redirectUri) {}

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey strangerKey;
    private final Map<String, Pending> codes = new ConcurrentHashMap<>();
    private volatile User nextUser = new User("alice-sub", "alice@example.com", List.of("qa"));
    private volatile Trick trick = Trick.NONE;

    private OidcProviderFake() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("idp-key-1").generate(); // same key id, other key
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public static OidcProviderFake start() {
        try {
            return new OidcProviderFake();
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI issuer() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    /** Who the provider signs in next. */
    public void signsIn(User user) { this.nextUser = user; }

    /** What is wrong with the next ID token. */
    public void trick(Trick trick) { this.trick = trick; }

    private void discovery(HttpExchange exchange) throws IOException {
        String base = issuer().toString();
        json(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}
                """.formatted(base));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("nonce") == null || query.get("state") == null
                || !query.getOrDefault("scope", "").contains("openid")) {
            json(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Pending(nextUser, query.get("nonce"), query.get("code_challenge"), query.get("redirect_uri")));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Pending pending = codes.remove(body.getOrDefault("code", ""));
        if (pending == null || !"authorization_code".equals(body.get("grant_type")) || !pending.redirectUri().equals(body.get("redirect_uri"))
                || !pending.challenge().equals(s256(body.getOrDefault("code_verifier", "")))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            json(exchange, 200, "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"id_token\":\"" + idToken(pending) + "\"}");
        } catch (JOSEException e) {
            json(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    private String idToken(Pending pending) throws JOSEException {
        Instant now = Instant.now();
        Trick t = trick;
        Instant expiry = t == Trick.EXPIRED ? now.minus(Duration.ofMinutes(10)) : now.plus(Duration.ofMinutes(5));
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer().toString())
                .subject(pending.user().sub())
                .audience(t == Trick.OTHER_AUDIENCE ? "another-client" : CLIENT_ID)
                .issueTime(Date.from(t == Trick.EXPIRED ? now.minus(Duration.ofMinutes(20)) : now))
                .expirationTime(Date.from(expiry))
                .claim("nonce", t == Trick.WRONG_NONCE ? "not-the-nonce-sent" : pending.nonce())
                .claim("email", pending.user().email())
                .claim("groups", pending.user().groups())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(t == Trick.FORGED_SIGNATURE ? strangerKey : key));
        return jwt.serialize();
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) return values;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override public void close() { server.stop(0); }
}
