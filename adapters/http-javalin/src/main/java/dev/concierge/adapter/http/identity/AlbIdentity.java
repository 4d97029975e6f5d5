package dev.concierge.adapter.http.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies the {@code x-amzn-oidc-data} header an AWS Application Load Balancer adds after authenticating a user:
 * an ES256 JWT whose header names the signing load balancer ({@code signer}) and the key id; the key comes from the
 * region's public-key endpoint. The user is the {@code sub} claim (else {@code email}); groups come from a
 * configurable claim.
 */
public final class AlbIdentity {
    public static final String HEADER = "x-amzn-oidc-data";
    /** The load balancer refreshes the token every minute or so; a little skew between clocks is normal. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    public record Config(String signerArn, URI publicKeyUrl, String groupsClaim) {
        public Config {
            Objects.requireNonNull(signerArn, "signerArn");
            Objects.requireNonNull(publicKeyUrl, "publicKeyUrl");
            Objects.requireNonNull(groupsClaim, "groupsClaim");
        }
    }

    private final Config config;
    private final AlbPublicKeys keys;
    private final Clock clock;

    public AlbIdentity(Config config, Clock clock) {
        this.config = config;
        this.keys = new AlbPublicKeys(config.publicKeyUrl());
        this.clock = clock;
    }

    /** The caller the token names, or {@link Unauthenticated} saying what is wrong with it. */
    public Actor verify(String token) {
        if (token == null || token.isBlank()) throw new Unauthenticated("no_identity", "Sign in first: the request carries no identity "
                + "(the load balancer's " + HEADER + " header is missing).");
        if (token.length() > MAX_TOKEN_LENGTH) throw invalid("it is too long");
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("it is not a signed JWT");
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) throw invalid("it is not signed with ES256");
        if (!config.signerArn().equals(jwt.getHeader().getCustomParam("signer"))) throw invalid("another load balancer signed it");
        var key = keys.key(jwt.getHeader().getKeyID()).orElseThrow(() -> invalid("its signing key is unknown"));
        try {
            if (!jwt.verify(new ECDSAVerifier(key))) throw invalid("its signature does not match");
        } catch (JOSEException e) {
            throw invalid("its signature cannot be checked");
        }
        Instant expiry = expiry(jwt, claims);
        if (expiry == null) throw invalid("it has no expiry");
        if (clock.instant().minus(CLOCK_SKEW).isAfter(expiry)) {
            throw new Unauthenticated("expired", "Your sign-in has expired; reload the page to sign in again.");
        }
        return new Actor(new UserId(user(claims)), groups(claims));
    }

    /** The load balancer puts {@code exp} in the JWT header; a standard token has it among the claims. */
    private static Instant expiry(SignedJWT jwt, JWTClaimsSet claims) {
        Date fromClaims = claims.getExpirationTime();
        if (fromClaims != null) return fromClaims.toInstant();
        Object fromHeader = jwt.getHeader().getCustomParam("exp");
        return fromHeader instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
    }

    private static String user(JWTClaimsSet claims) {
        for (String claim : new String[] {"sub", "email"}) {
            Object value = claims.getClaim(claim);
            if (value instanceof String text && !text.isBlank() && text.length() <= UserId.MAX_LENGTH) return text;
        }
        throw invalid("it names no user (sub or email)");
    }

    /** A JSON array of names, or one string of names separated by commas or spaces (IdPs differ). */
    private Set<String> groups(JWTClaimsSet claims) {
        Object value = claims.getClaim(config.groupsClaim());
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof Collection<?> names) {
            for (Object name : names) if (name instanceof String text && !text.isBlank()) groups.add(text.strip());
        } else if (value instanceof String text) {
            for (String name : text.split("[,\\s]+")) if (!name.isBlank()) groups.add(name);
        }
        return groups;
    }

    private static Unauthenticated invalid(String why) {
        return new Unauthenticated("invalid", "The identity sent with this request is not valid (" + why + "); reload the page to "
                + "sign in again.");
    }
}
