package dev.concierge.adapter.http;

import dev.concierge.adapter.http.identity.OidcSignIn;
import io.javalin.config.RoutesConfig;

/** The sign-in routes of {@code AUTH_MODE=oidc}; open to everyone (HttpServer lets {@code /auth/} through). */
public final class OidcRoutes implements RouteGroup {
    private final OidcSignIn signIn;

    public OidcRoutes(OidcSignIn signIn) { this.signIn = signIn; }

    @Override public void register(RoutesConfig routes) {
        routes.get("/auth/login", signIn::login);
        routes.get("/auth/callback", signIn::callback);
        routes.get("/auth/logout", signIn::logout);
        routes.post("/auth/logout", signIn::logout);
    }
}
