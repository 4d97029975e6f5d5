package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.NewSuite;

import java.util.Objects;
import java.util.Optional;

/** {@code team} defaults to the actor's only (or first, alphabetically) group. */
public record CreateSuiteCommand(Actor actor, NewSuite suite, Optional<String> team) {
    public CreateSuiteCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(team, "team");
    }
}
