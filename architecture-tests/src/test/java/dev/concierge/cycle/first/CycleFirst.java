package dev.concierge.cycle.first;

import dev.concierge.cycle.second.CycleSecond;

/** Fixture, violates rule 6 on purpose: its package and {@link CycleSecond}'s use each other. */
public final class CycleFirst {
    CycleSecond second;
}
