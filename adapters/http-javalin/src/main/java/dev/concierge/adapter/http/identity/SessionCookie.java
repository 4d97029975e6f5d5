package dev.concierge.adapter.http.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * A cookie holding claims signed with the session secret (an HS256 JWT with an expiry): HttpOnly, SameSite=Lax, Secure
 * when the site is served over HTTPS. Any instance that knows the secret reads it, so no instance keeps sessions.
 */
final class SessionCookie {
    private final String name;
    private final String path;
    private final byte[] secret;
    private final boolean secure;
    private final Duration lifetime;
    private final Clock clock;

    SessionCookie(String name, String path, byte[] secret, boolean secure, Duration lifetime, Clock clock) {
        this.name = name;
        this.path = path;
        this.secret = secret.clone();
        this.secure = secure;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    void write(Context ctx, Map<String, Object> claims) {
        Instant now = clock.instant();
        var builder = new JWTClaimsSet.Builder().issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the session cookie: " + e.getMessage(), e);
        }
        ctx.cookie(cookie(jwt.serialize(), (int) lifetime.toSeconds()));
    }

    /** The claims of a cookie this server signed that has not expired; empty for anything else. */
    Optional<JWTClaimsSet> read(Context ctx) {
        String value = ctx.cookie(name);
        if (value == null || value.isBlank() || value.length() > 8192) return Optional.empty();
        try {
            SignedJWT jwt = SignedJWT.parse(value);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) return Optional.empty();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) return Optional.empty();
            return Optional.of(claims);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    void clear(Context ctx) { ctx.cookie(cookie("", 0)); }

    private Cookie cookie(String value, int maxAgeSeconds) {
        return new Cookie(name, value, path, maxAgeSeconds, secure, true, null, SameSite.LAX);
    }
}
