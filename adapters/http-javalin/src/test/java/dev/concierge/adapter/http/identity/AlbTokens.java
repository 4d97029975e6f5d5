package dev.concierge.adapter.http.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for an AWS Application Load Balancer in tests: a key endpoint serving PEM public keys by key id (as
 * {@code public-keys.auth.elb.<region>.amazonaws.com/<kid>} does) and tokens shaped like {@code x-amzn-oidc-data},
 * signed with a generated EC P-256 key. Shared with the bootstrap's tests through this module's test-jar.
 */
public final class AlbTokens implements AutoCloseable {
    public static final String SIGNER = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/concierge/50dc6c495c0c9188";
    public static final String KEY_ID = "5c2b1d3e-0c1d-4b6e-9d8a-7e3f2a1b0c9d";

    private final HttpServer server;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();

    public AlbTokens() {
        keys.put(KEY_ID, generate());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            String kid = exchange.getRequestURI().getPath().substring(1);
            KeyPair pair = keys.get(kid);
            byte[] body = pair == null ? "not found".getBytes(StandardCharsets.UTF_8) : pem(pair).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(pair == null ? 404 : 200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public URI keyUrl() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    /** How often the key endpoint was asked for a key. */
    public int fetches() { return fetches.get(); }

    /** A valid token for {@code user} in {@code groups}, expiring in two minutes. */
    public String token(String user, List<String> groups) {
        return sign(KEY_ID, SIGNER, user, groups, Instant.now().plusSeconds(120), keys.get(KEY_ID));
    }

    public String expired(String user) {
        return sign(KEY_ID, SIGNER, user, List.of(), Instant.now().minusSeconds(600), keys.get(KEY_ID));
    }

    public String signedBy(String signer, String user) {
        return sign(KEY_ID, signer, user, List.of(), Instant.now().plusSeconds(120), keys.get(KEY_ID));
    }

    /** Names a key id the endpoint does not serve. */
    public String withUnknownKeyId(String user) {
        return sign("00000000-dead-beef-0000-000000000000", SIGNER, user, List.of(), Instant.now().plusSeconds(120), keys.get(KEY_ID));
    }

    /** Names the right key id but is signed with another key. */
    public String signedWithAnotherKey(String user) {
        return sign(KEY_ID, SIGNER, user, List.of(), Instant.now().plusSeconds(120), generate());
    }

    /** A valid token whose claims were changed after signing. */
    public String tampered(String user, String pretendToBe) {
        String[] parts = token(user, List.of()).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(user, pretendToBe);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static String sign(String kid, String signer, String user, List<String> groups, Instant exp, KeyPair pair) {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(kid)
                    .customParam("signer", signer).customParam("iss", "https://idp.example.com").customParam("client", "concierge")
                    .customParam("exp", exp.getEpochSecond()).build();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user).claim("email", user + "@example.com")
                    .claim("groups", groups).claim("exp", exp.getEpochSecond()).issuer("https://idp.example.com").build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new ECDSASigner((ECPrivateKey) pair.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Override public void close() { server.stop(0); }
}
