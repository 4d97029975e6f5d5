package dev.concierge.adapter.http.identity;

import dev.concierge.domain.kernel.Actor;
import io.javalin.http.Context;

/** The caller as the load balancer's signed header names them; verified once per request. */
public final class AlbUser implements CurrentUser {
    private static final String ATTRIBUTE = "concierge.actor";

    private final AlbIdentity identity;

    public AlbUser(AlbIdentity identity) { this.identity = identity; }

    @Override public Actor actor(Context ctx) {
        Actor known = ctx.attribute(ATTRIBUTE);
        if (known != null) return known;
        Actor actor = identity.verify(ctx.header(AlbIdentity.HEADER));
        ctx.attribute(ATTRIBUTE, actor);
        return actor;
    }
}
