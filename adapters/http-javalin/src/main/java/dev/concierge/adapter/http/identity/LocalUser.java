package dev.concierge.adapter.http.identity;

import dev.concierge.domain.kernel.Actor;
import io.javalin.http.Context;

/** Everyone is the configured local user with the configured groups: for a developer's laptop and the embedded set-up. */
public final class LocalUser implements CurrentUser {
    private final Actor actor;

    public LocalUser(Actor actor) { this.actor = actor; }

    @Override public Actor actor(Context ctx) { return actor; }
}
