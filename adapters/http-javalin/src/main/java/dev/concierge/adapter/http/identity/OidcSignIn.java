package dev.concierge.adapter.http.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.kernel.UserId;
import io.javalin.http.Context;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The app's own OpenID Connect sign-in ({@code AUTH_MODE=oidc}), for installs without the load balancer's OIDC (the
 * MVP phase on HTTP): authorization code flow with PKCE, state and nonce (Nimbus OAuth 2.0 SDK). The provider is
 * found by discovery at {@code <issuer>/.well-known/openid-configuration}; the ID token's issuer, audience, signature
 * (JWKS), expiry and nonce are checked. The signed-in user then carries a session cookie signed with the session
 * secret: its user id ({@code sub}, else {@code email}) and groups. Nothing is kept on the server, so any instance of
 * the web tier serves any request.
 */
public final class OidcSignIn {
    static final String SESSION_COOKIE = "concierge_session";
    static final String LOGIN_COOKIE = "concierge_login";
    /** How long a sign-in lasts before the browser goes through the identity provider again (usually silently). */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    /** How long a person may take at the identity provider's sign-in page. */
    static final Duration LOGIN_LIFETIME = Duration.ofMinutes(10);
    private static final int HTTP_TIMEOUT_MILLIS = 5_000;

    public record Config(URI issuer, String clientId, String clientSecret, URI publicBaseUrl, byte[] sessionSecret, String groupsClaim) {
        public Config {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
            Objects.requireNonNull(groupsClaim, "groupsClaim");
            if (sessionSecret == null || sessionSecret.length < 32) throw new IllegalArgumentException("the session secret needs at least 32 bytes");
        }

        URI redirectUri() { return URI.create(publicBaseUrl.toString().replaceAll("/+$", "") + "/auth/callback"); }

        boolean https() { return "https".equalsIgnoreCase(publicBaseUrl.getScheme()); }
    }

    private final Config config;
    private final SessionCookie session;
    private final SessionCookie login;
    private volatile Provider provider;

    /** What discovery found, with the validator built on the provider's JWKS. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    public OidcSignIn(Config config, Clock clock) {
        this.config = config;
        this.session = new SessionCookie(SESSION_COOKIE, "/", config.sessionSecret(), config.https(), SESSION_LIFETIME, clock);
        this.login = new SessionCookie(LOGIN_COOKIE, "/auth", config.sessionSecret(), config.https(), LOGIN_LIFETIME, clock);
    }

    /** The signed-in user of this request, if its session cookie is valid. */
    public Optional<Actor> sessionActor(Context ctx) {
        return session.read(ctx).flatMap(claims -> {
            String user = claims.getSubject();
            if (user == null || user.isBlank() || user.length() > UserId.MAX_LENGTH) return Optional.empty();
            return Optional.of(new Actor(new UserId(user), groups(claims.getClaim("groups"))));
        });
    }

    /** {@code GET /auth/login}: remembers state, nonce and PKCE verifier in a short signed cookie, then goes to the provider. */
    public void login(Context ctx) {
        Provider p = provider();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        login.write(ctx, Map.of("state", state.getValue(), "nonce", nonce.getValue(), "verifier", verifier.getValue(),
                "return", localPath(ctx.queryParam("return"))));
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new Scope("openid", "email", "profile"), new ClientID(config.clientId()), config.redirectUri())
                .endpointURI(p.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        ctx.redirect(request.toURI().toString());
    }

    /** {@code GET /auth/callback}: checks state, exchanges the code (with the PKCE verifier), validates the ID token, signs the user in. */
    public void callback(Context ctx) {
        JWTClaimsSet pending = login.read(ctx).orElseThrow(() -> refused("the sign-in took too long or was started in another browser"));
        login.clear(ctx);
        String error = ctx.queryParam("error");
        if (error != null) throw refused("the identity provider answered " + error);
        if (!Objects.equals(pending.getClaim("state"), ctx.queryParam("state"))) throw refused("its state does not match");
        String code = ctx.queryParam("code");
        if (code == null || code.isBlank()) throw refused("the identity provider sent no code");
        Provider p = provider();

        TokenResponse response;
        try {
            HTTPRequest request = new TokenRequest(p.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(config.clientId()), new Secret(config.clientSecret())),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), config.redirectUri(),
                            new CodeVerifier((String) pending.getClaim("verifier")))).toHTTPRequest();
            request.setConnectTimeout(HTTP_TIMEOUT_MILLIS);
            request.setReadTimeout(HTTP_TIMEOUT_MILLIS);
            response = OIDCTokenResponseParser.parse(request.send());
        } catch (IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new Unavailable("identity_provider_unavailable", "The identity provider at " + config.issuer()
                    + " could not be reached to finish signing in (" + e.getMessage() + "); try again in a moment.");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject failure = response.toErrorResponse().getErrorObject();
            throw refused("the identity provider refused the code (" + failure.getCode() + ")");
        }
        var idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims;
        try {
            claims = p.validator().validate(idToken, new Nonce((String) pending.getClaim("nonce")));
        } catch (com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw refused("its ID token is not valid: " + e.getMessage());
        }
        String user = user(claims);
        session.write(ctx, Map.of("sub", user, "groups", List.copyOf(groups(claims.getClaim(config.groupsClaim())))));
        ctx.redirect(localPath((String) pending.getClaim("return")));
    }

    /** {@code /auth/logout}: forgets the session here, and at the provider when it offers a logout endpoint. */
    public void logout(Context ctx) {
        session.clear(ctx);
        URI home = URI.create(config.publicBaseUrl().toString().replaceAll("/+$", "") + "/");
        URI endSession = provider == null ? null : provider.metadata().getEndSessionEndpointURI();
        if (endSession == null) {
            ctx.redirect(home.toString());
            return;
        }
        ctx.redirect(endSession + (endSession.getQuery() == null ? "?" : "&") + "client_id="
                + URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8) + "&post_logout_redirect_uri="
                + URLEncoder.encode(home.toString(), StandardCharsets.UTF_8));
    }

    /** Discovery on first use (and again after a failure), so the app starts while the provider is unreachable. */
    private Provider provider() {
        Provider known = provider;
        if (known != null) return known;
        synchronized (this) {
            if (provider != null) return provider;
            try {
                var retriever = new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS);
                var discovery = new com.nimbusds.oauth2.sdk.http.HTTPRequest(HTTPRequest.Method.GET,
                        new URI(config.issuer().toString().replaceAll("/+$", "") + "/.well-known/openid-configuration"));
                discovery.setConnectTimeout(HTTP_TIMEOUT_MILLIS);
                discovery.setReadTimeout(HTTP_TIMEOUT_MILLIS);
                OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(discovery.send().getBodyAsJSONObject());
                if (!metadata.getIssuer().equals(new Issuer(config.issuer().toString()))) {
                    throw new IllegalStateException("the discovery document names issuer " + metadata.getIssuer()
                            + ", not OIDC_ISSUER " + config.issuer());
                }
                JWSAlgorithm algorithm = Optional.ofNullable(metadata.getIDTokenJWSAlgs()).filter(a -> !a.isEmpty())
                        .map(a -> a.contains(JWSAlgorithm.RS256) ? JWSAlgorithm.RS256 : a.getFirst()).orElse(JWSAlgorithm.RS256);
                IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(config.clientId()), algorithm,
                        metadata.getJWKSetURI().toURL(), retriever);
                provider = new Provider(metadata, validator);
                return provider;
            } catch (IOException | URISyntaxException | com.nimbusds.oauth2.sdk.ParseException | RuntimeException e) {
                throw new Unavailable("identity_provider_unavailable", "The identity provider at " + config.issuer()
                        + " cannot be reached or described (" + e.getMessage() + "); check OIDC_ISSUER, or try again in a moment.");
            }
        }
    }

    private static String user(IDTokenClaimsSet claims) {
        String sub = claims.getSubject() == null ? null : claims.getSubject().getValue();
        if (sub != null && !sub.isBlank() && sub.length() <= UserId.MAX_LENGTH) return sub;
        Object email = claims.getClaim("email");
        if (email instanceof String text && !text.isBlank() && text.length() <= UserId.MAX_LENGTH) return text;
        throw refused("its ID token names no user (sub or email)");
    }

    /** A JSON array of names, or one string of names separated by commas or spaces (providers differ). */
    private static Set<String> groups(Object value) {
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof Collection<?> names) {
            for (Object name : names) if (name instanceof String text && !text.isBlank()) groups.add(text.strip());
        } else if (value instanceof String text) {
            for (String name : text.split("[,\\s]+")) if (!name.isBlank()) groups.add(name);
        }
        return groups;
    }

    /** Only a path on this site: an absolute or scheme-relative URL would make the sign-in an open redirect. */
    static String localPath(String wanted) {
        if (wanted == null || !wanted.startsWith("/") || wanted.startsWith("//") || wanted.startsWith("/\\")
                || wanted.length() > 2000 || wanted.startsWith("/auth/")) return "/";
        return wanted;
    }

    private static Unauthenticated refused(String why) {
        return new Unauthenticated("sign_in_failed", "Signing in failed: " + why + ". Open the site again to sign in once more.");
    }
}
