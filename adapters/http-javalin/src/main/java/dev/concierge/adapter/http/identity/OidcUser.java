package dev.concierge.adapter.http.identity;

import dev.concierge.domain.kernel.Actor;
import io.javalin.http.Context;

/** The caller as the session cookie of the app's own OpenID Connect sign-in names them ({@code AUTH_MODE=oidc}). */
public final class OidcUser implements CurrentUser {
    private static final String ATTRIBUTE = "concierge.actor";

    private final OidcSignIn signIn;

    public OidcUser(OidcSignIn signIn) { this.signIn = signIn; }

    @Override public Actor actor(Context ctx) {
        Actor known = ctx.attribute(ATTRIBUTE);
        if (known != null) return known;
        Actor actor = signIn.sessionActor(ctx).orElseThrow(() -> new SignInRequired(
                "Sign in first: open the site in the browser and sign in, then try again.", returnPath(ctx)));
        ctx.attribute(ATTRIBUTE, actor);
        return actor;
    }

    /** The page to come back to after signing in: a GET's own path and query, else the home page. */
    private static String returnPath(Context ctx) {
        if (!"GET".equals(ctx.method().name())) return "/";
        String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
