package dev.concierge.adapter.llm.alpha;

import dev.concierge.bootstrap.fixture.AlphaWiring;

/** Fixture, violates rule 3 on purpose: an adapter depending on the bootstrap that wires it. */
public final class LlmUsesBootstrap {
    AlphaWiring wiring;
}
