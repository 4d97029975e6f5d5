package dev.concierge.domain.tripsupport.port.out;

import java.util.function.Supplier;

/** Runs work atomically: every repository call inside commits together or not at all. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
