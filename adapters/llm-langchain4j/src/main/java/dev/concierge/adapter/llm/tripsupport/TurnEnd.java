package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.tripsupport.port.out.TripAssistant.Listener;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The listener of one turn, guarded: tokens and tool uses pass until the turn ends, the turn ends exactly once, and
 * nothing reaches the listener after that (a late token from a stream that timed out is dropped). Streamed tokens
 * arrive on the model reader's thread (a virtual one for an anticipated call), the rest on the turn's thread, hence
 * the lock: a {@link ReentrantLock}, which a virtual thread waits on without holding its carrier.
 */
final class TurnEnd {
    private final Listener listener;
    private final StringBuilder shown = new StringBuilder();
    private final ReentrantLock lock = new ReentrantLock();
    private boolean ended;

    TurnEnd(Listener listener) { this.listener = listener; }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** @return false when the turn has already ended, so the stream can be cancelled */
    boolean token(String text) {
        return locked(() -> {
            if (ended) return false;
            if (text == null || text.isEmpty()) return true;
            shown.append(text);
            listener.token(text);
            return true;
        });
    }

    void toolUsed(String tool, String outcome) {
        locked(() -> {
            if (!ended) listener.toolUsed(tool, outcome);
            return null;
        });
    }

    /** Completes with every token shown in this turn, so the full text and the streamed pieces always agree. */
    void completed() {
        locked(() -> {
            if (!ended) {
                ended = true;
                listener.completed(shown.toString());
            }
            return null;
        });
    }

    void failed(String message) {
        locked(() -> {
            if (!ended) {
                ended = true;
                listener.failed(message);
            }
            return null;
        });
    }

    boolean hasShownText() { return locked(() -> !shown.isEmpty()); }
}
