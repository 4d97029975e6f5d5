package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;

import java.util.Objects;
import java.util.Optional;

/** Who may decide a submitted trip: members of the configured approver group, and the manager named on the traveller. */
public record Approvers(Optional<String> group, Optional<UserId> manager) {
    public Approvers {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(manager, "manager");
    }

    public boolean include(Actor actor) {
        return group.map(actor::memberOf).orElse(false) || manager.map(actor.user()::equals).orElse(false);
    }

    public boolean none() { return group.isEmpty() && manager.isEmpty(); }
}
