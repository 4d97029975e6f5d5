package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps a running turn's claim on its conversation: every sign of life (a token, a tool call) renews the lease when
 * the last renewal is older than a tenth of its length. A live turn so never loses the conversation, and one whose
 * instance died frees it after one lease length.
 */
final class TurnLease {
    private static final Logger LOG = LoggerFactory.getLogger(TurnLease.class);

    private final ConversationTurns turns;
    private final ConversationTurns.Lease lease;
    private final Duration length;
    private final Clock clock;
    private Instant renewedAt;
    private boolean lost;
    private Runnable end = () -> {};
    private final ReentrantLock lock = new ReentrantLock();

    TurnLease(ConversationTurns turns, ConversationTurns.Lease lease, Duration length, Clock clock, Instant claimedAt) {
        this.turns = turns;
        this.lease = lease;
        this.length = length;
        this.clock = clock;
        this.renewedAt = claimedAt;
    }

    ConversationTurns.Lease lease() { return lease; }

    /**
     * Called from the assistant's callbacks, possibly from its own threads, virtual ones included: the lock is a
     * {@link ReentrantLock}, which a virtual thread holds across the renewal's database round trip without pinning its
     * carrier (a {@code synchronized} block would, before JDK 24).
     */
    void alive() {
        lock.lock();
        try {
            if (lost) return;
            Instant now = clock.instant();
            if (Duration.between(renewedAt, now).compareTo(length.dividedBy(10)) < 0) return;
            renewedAt = now;
            if (!turns.renew(lease, now.plus(length))) {
                lost = true;
                LOG.warn("conversation {}: the turn lost its lease (it outlived {}); another turn may now run", lease.conversation(), length);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The listener the assistant streams to, renewing the lease as the answer streams. How the turn ended (completed
     * or failed) is held back until {@link #releaseThenEnd()}.
     */
    TripAssistant.Listener keepingAlive(TripAssistant.Listener listener) {
        return new TripAssistant.Listener() {
            @Override public void token(String text) {
                alive();
                listener.token(text);
            }

            @Override public void toolUsed(String tool, String outcome) {
                alive();
                listener.toolUsed(tool, outcome);
            }

            @Override public void completed(String fullText) { holdEnd(() -> listener.completed(fullText)); }

            @Override public void failed(String message) { holdEnd(() -> listener.failed(message)); }
        };
    }

    private void holdEnd(Runnable announce) {
        lock.lock();
        try {
            end = announce;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Frees the conversation, then announces how the turn ended: a client that sends its next message the moment it
     * sees the end finds the conversation free.
     */
    void releaseThenEnd() {
        try {
            turns.release(lease);
        } finally {
            Runnable announce;
            lock.lock();
            try {
                announce = end;
            } finally {
                lock.unlock();
            }
            announce.run();
        }
    }
}
