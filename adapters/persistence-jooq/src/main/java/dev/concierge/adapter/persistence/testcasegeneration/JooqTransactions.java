package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.domain.testcasegeneration.port.out.Transactions;
import org.jooq.DSLContext;

import java.util.function.Supplier;

/**
 * Transactions for the test-case generation repositories: the transaction's context is kept per thread, so every
 * repository and queue call inside {@link #inTransaction} runs on the same connection and commits with it. A call
 * inside a running transaction joins it.
 */
final class JooqTransactions implements Transactions {
    private final DSLContext root;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    JooqTransactions(DSLContext root) { this.root = root; }

    @Override public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) return work.get();
        return root.transactionResult(tx -> {
            current.set(tx.dsl());
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }

    /** The running transaction's context on this thread, or the pooled one (each statement its own transaction). */
    DSLContext dsl() {
        DSLContext tx = current.get();
        return tx != null ? tx : root;
    }
}
