package dev.concierge.adapter.llm.alpha;

/** Fixture, violates the naming rule on purpose: a name ending with Impl says nothing about its purpose. */
public final class AlphaImpl {
}
