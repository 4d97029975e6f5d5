package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.tripsupport.port.out.TripAssistant.Listener;

/**
 * The listener of one turn, guarded: tokens and tool uses pass until the turn ends, the turn ends exactly once, and
 * nothing reaches the listener after that (a late token from a stream that timed out is dropped). Streamed tokens
 * arrive on langchain4j's threads, the rest on the turn's thread, hence the lock.
 */
final class TurnEnd {
    private final Listener listener;
    private final StringBuilder shown = new StringBuilder();
    private boolean ended;

    TurnEnd(Listener listener) { this.listener = listener; }

    /** @return false when the turn has already ended, so the stream can be cancelled */
    synchronized boolean token(String text) {
        if (ended) return false;
        if (text == null || text.isEmpty()) return true;
        shown.append(text);
        listener.token(text);
        return true;
    }

    synchronized void toolUsed(String tool, String outcome) {
        if (!ended) listener.toolUsed(tool, outcome);
    }

    /** Completes with every token shown in this turn, so the full text and the streamed pieces always agree. */
    synchronized void completed() {
        if (ended) return;
        ended = true;
        listener.completed(shown.toString());
    }

    synchronized void failed(String message) {
        if (ended) return;
        ended = true;
        listener.failed(message);
    }

    synchronized boolean hasShownText() { return !shown.isEmpty(); }
}
