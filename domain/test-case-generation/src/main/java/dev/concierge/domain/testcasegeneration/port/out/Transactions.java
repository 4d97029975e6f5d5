package dev.concierge.domain.testcasegeneration.port.out;

import java.util.function.Supplier;

/** Runs work atomically: every repository and queue call inside commits together or not at all. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
