package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.domain.tripsupport.port.out.Transactions;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.ThreadLocalTransactionProvider;

import java.util.function.Supplier;

/**
 * Transactions over the trips, approval requests and notifications. Their repositories share {@link #dsl()}, a context
 * whose connection is bound to the thread while {@link #inTransaction} runs (jOOQ's {@link ThreadLocalTransactionProvider}),
 * so every call inside commits or rolls back with it; outside one, each statement takes a pooled connection as before.
 * A call inside a running transaction joins it. A repository method with its own {@code dsl.transaction(...)} (trip
 * deletion) must not be called inside one: jOOQ would commit and release the shared connection early.
 */
final class JooqTripSupportTransactions implements Transactions {
    private final DSLContext dsl;

    JooqTripSupportTransactions(DSLContext root) {
        this.dsl = DSL.using(root.configuration().derive(new ThreadLocalTransactionProvider(root.configuration().connectionProvider())));
    }

    private final ThreadLocal<Boolean> running = ThreadLocal.withInitial(() -> false);

    @Override public <T> T inTransaction(Supplier<T> work) {
        if (running.get()) return work.get();
        return dsl.transactionResult(() -> {
            running.set(true);
            try {
                return work.get();
            } finally {
                running.remove();
            }
        });
    }

    DSLContext dsl() { return dsl; }
}
