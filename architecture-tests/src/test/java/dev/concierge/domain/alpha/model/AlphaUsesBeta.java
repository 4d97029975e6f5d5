package dev.concierge.domain.alpha.model;

import dev.concierge.domain.beta.model.BetaThing;

/** Fixture, violates rule 2 on purpose: one context using another context's model. */
public record AlphaUsesBeta(BetaThing beta) {
}
