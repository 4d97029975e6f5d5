package dev.concierge.adapter.http.identity;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import io.javalin.http.Context;

/**
 * Who is calling. The HTTP adapter answers it (a configured local user on a laptop, the load balancer's signed
 * identity in AWS); the domain only ever sees the resulting {@link UserId} and groups.
 */
public interface CurrentUser {
    /** The caller with their groups (teams). */
    Actor actor(Context ctx);

    default UserId of(Context ctx) { return actor(ctx).user(); }
}
