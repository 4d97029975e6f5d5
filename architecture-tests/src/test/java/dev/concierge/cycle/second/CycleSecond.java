package dev.concierge.cycle.second;

import dev.concierge.cycle.first.CycleFirst;

/** Fixture, violates rule 6 on purpose: its package and {@link CycleFirst}'s use each other. */
public final class CycleSecond {
    CycleFirst first;
}
