package dev.concierge.domain.kernel.violation;

import dev.concierge.domain.beta.model.BetaThing;

/** Fixture, violates rule 2 on purpose: the shared kernel knowing one context. */
public record KernelKnowsBeta(BetaThing beta) {
}
