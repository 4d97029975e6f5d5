package dev.concierge.domain.kernel;

import java.util.Objects;
import java.util.Set;

/** Who is acting and which groups (teams) they belong to, as the identity provider says. */
public record Actor(UserId user, Set<String> groups) {
    public Actor {
        Objects.requireNonNull(user, "user");
        groups = Set.copyOf(groups);
    }

    public boolean memberOf(String group) { return groups.contains(group); }
}
