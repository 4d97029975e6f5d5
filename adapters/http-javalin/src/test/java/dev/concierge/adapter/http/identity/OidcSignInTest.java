package dev.concierge.adapter.http.identity;

import dev.concierge.adapter.http.OidcRoutes;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.TestHttpServer;
import dev.concierge.adapter.http.identity.OidcProviderFake.Trick;
import dev.concierge.adapter.http.identity.OidcProviderFake.User;
import io.javalin.config.RoutesConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** AUTH_MODE=oidc over real HTTP against a local OpenID Connect provider: the whole redirect dance, hop by hop. */
class OidcSignInTest {
    private static final byte[] SESSION_SECRET = "a-session-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);

    private OidcProviderFake provider;
    private TestHttpServer app;
    private String base;
    private final OidcBrowser browser = new OidcBrowser();

    /** The caller as the app sees them: what a context's API would read through CurrentUser. */
    private record WhoAmI(AtomicReference<OidcSignIn> signIn) implements RouteGroup {
        @Override public void register(RoutesConfig routes) {
            routes.get("/api/whoami", ctx -> {
                var actor = new OidcUser(signIn.get()).actor(ctx);
                ctx.json(Map.of("user", actor.user().value(), "groups", actor.groups()));
            });
        }
    }

    @BeforeEach void start() {
        provider = OidcProviderFake.start();
        // The redirect URI names the app's port, known only once it listens: the sign-in is built right after.
        AtomicReference<OidcSignIn> signIn = new AtomicReference<>();
        app = TestHttpServer.start(ctx -> new OidcUser(signIn.get()).actor(ctx), List.of(), shared -> List.of(
                new WhoAmI(signIn),
                new RouteGroup() {
                    @Override public void register(RoutesConfig routes) {
                        routes.get("/auth/login", ctx -> signIn.get().login(ctx));
                        routes.get("/auth/callback", ctx -> signIn.get().callback(ctx));
                        routes.get("/auth/logout", ctx -> signIn.get().logout(ctx));
                    }
                }));
        base = app.base();
        signIn.set(new OidcSignIn(new OidcSignIn.Config(provider.issuer(), OidcProviderFake.CLIENT_ID, OidcProviderFake.CLIENT_SECRET,
                URI.create(base), SESSION_SECRET, "groups"), Clock.systemUTC()));
        assertThat(OidcRoutes.class).isNotNull(); // the production route group registers the same three paths
    }

    @AfterEach void stop() {
        app.close();
        provider.close();
    }

    private String location(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(302);
        return answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()).toString();
    }

    /** From a page without a session to the callback's answer, following each redirect by hand. */
    private HttpResponse<String> signInFrom(String page) {
        String login = location(browser.get(base + page));
        String authorize = location(browser.get(login));
        String callback = location(browser.get(authorize));
        assertThat(callback).startsWith(base + "/auth/callback?code=");
        return browser.get(callback);
    }

    @Test void a_page_without_a_session_signs_in_at_the_provider_and_comes_back_with_a_session_cookie() {
        String login = location(browser.get(base + "/?tab=2"));
        assertThat(login).isEqualTo(base + "/auth/login?return=%2F%3Ftab%3D2");
        String authorize = location(browser.get(login));
        assertThat(authorize).startsWith(provider.issuer() + "/authorize?").contains("code_challenge_method=S256")
                .contains("nonce=").contains("state=").contains("client_id=" + OidcProviderFake.CLIENT_ID)
                .contains("redirect_uri=" + java.net.URLEncoder.encode(base + "/auth/callback", StandardCharsets.UTF_8));
        HttpResponse<String> callback = browser.get(location(browser.get(authorize)));

        assertThat(location(callback)).isEqualTo(base + "/?tab=2");
        String setCookie = callback.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(OidcSignIn.SESSION_COOKIE + "="))
                .findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");
        var whoami = browser.get(base + "/api/whoami");
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains("\"user\":\"alice-sub\"").contains("\"qa\"");
        assertThat(browser.get(base + "/").statusCode()).isEqualTo(200);
    }

    @Test void the_api_without_a_session_answers_401_with_the_error_body_instead_of_a_redirect() {
        var answer = browser.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/api/whoami")).header("Accept", "application/json"));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"code\":\"unauthenticated\"");
    }

    @Test void a_japanese_reader_is_told_to_sign_in_in_japanese_and_never_sees_the_servers_own_account() {
        var answer = browser.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/api/whoami"))
                .header("Accept", "application/json").header("Accept-Language", "ja"));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"code\":\"unauthenticated\"", "サインインしてください").doesNotContain("Sign in first");
    }

    @ParameterizedTest
    @EnumSource(value = Trick.class, names = {"FORGED_SIGNATURE", "EXPIRED", "WRONG_NONCE", "OTHER_AUDIENCE"})
    void an_id_token_that_is_forged_expired_for_another_sign_in_or_another_client_is_refused(Trick trick) {
        provider.trick(trick);

        var callback = signInFrom("/");

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(401);
        assertThat(callback.body()).contains("Signing in failed");
        assertThat(browser.cookie(OidcSignIn.SESSION_COOKIE).map(c -> c.getValue()).orElse("")).isEmpty();
        assertThat(browser.get(base + "/api/whoami").statusCode()).isEqualTo(401);
    }

    @Test void a_callback_whose_state_is_not_the_one_sent_is_refused() {
        String authorize = location(browser.get(location(browser.get(base + "/"))));
        String callback = location(browser.get(authorize)).replaceAll("state=[^&]+", "state=forged");

        assertThat(browser.get(callback).statusCode()).isEqualTo(401);
        assertThat(browser.get(base + "/api/whoami").statusCode()).isEqualTo(401);
    }

    @Test void a_session_cookie_not_signed_with_the_session_secret_is_ignored() throws Exception {
        signInFrom("/");
        // The claims of a real session, naming another user, signed with a secret that is not SESSION_SECRET.
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("mallory").claim("groups", List.of("qa"))
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 3_600_000)).build();
        var forged = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
        forged.sign(new com.nimbusds.jose.crypto.MACSigner("another-secret-that-is-also-32-bytes-long".getBytes(StandardCharsets.UTF_8)));
        var fresh = new OidcBrowser();
        fresh.setCookie(URI.create(base), OidcSignIn.SESSION_COOKIE, forged.serialize());

        assertThat(fresh.get(base + "/api/whoami").statusCode()).isEqualTo(401);
        assertThat(browser.get(base + "/api/whoami").body()).contains("alice-sub");
    }

    @Test void after_signing_in_only_local_paths_are_returned_to() {
        provider.signsIn(new User("bob-sub", "bob@example.com", List.of("web")));
        String authorize = location(browser.get(base + "/auth/login?return=https://evil.example/"));
        var callback = browser.get(location(browser.get(authorize)));

        assertThat(location(callback)).isEqualTo(base + "/");
        assertThat(OidcSignIn.localPath("//evil.example")).isEqualTo("/");
        assertThat(OidcSignIn.localPath("/test-cases?x=1")).isEqualTo("/test-cases?x=1");
    }

    @Test void signing_out_forgets_the_session() {
        signInFrom("/");
        assertThat(browser.get(base + "/api/whoami").statusCode()).isEqualTo(200);

        assertThat(location(browser.get(base + "/auth/logout"))).isEqualTo(base + "/");

        assertThat(browser.get(base + "/api/whoami").statusCode()).isEqualTo(401);
    }
}
