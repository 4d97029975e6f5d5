package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A running turn's claim on its conversation: every sign of life (a token, a tool call, a stored message) renews the
 * lease when the last renewal is older than a tenth of its length. A live turn so never loses the conversation, and
 * one whose instance died frees it after one lease length. A turn's signs of life come one at a time, from the thread
 * that reads the model's stream, so this needs no lock.
 */
final class TurnLease {
    private static final Logger LOG = LoggerFactory.getLogger(TurnLease.class);

    private final ConversationTurns turns;
    private final ConversationTurns.Lease lease;
    private final Duration length;
    private final Clock clock;
    private volatile Instant renewedAt;
    private volatile boolean lost;

    TurnLease(ConversationTurns turns, ConversationTurns.Lease lease, Duration length, Clock clock, Instant claimedAt) {
        this.turns = turns;
        this.lease = lease;
        this.length = length;
        this.clock = clock;
        this.renewedAt = claimedAt;
    }

    void alive() {
        if (lost) return;
        Instant now = clock.instant();
        if (Duration.between(renewedAt, now).compareTo(length.dividedBy(10)) < 0) return;
        renewedAt = now;
        if (!turns.renew(lease, now.plus(length))) {
            lost = true;
            LOG.warn("conversation {}: the turn lost its lease (it outlived {}); another turn may now run", lease.conversation(), length);
        }
    }

    /** Frees the conversation: the next turn may start. */
    void release() { turns.release(lease); }

    /** Takes back what the turn stored, then frees the conversation; a cleanup failure is added to {@code failure}. */
    void retractAndRelease(Throwable failure) {
        quietly(() -> turns.retract(lease), failure);
        quietly(() -> turns.release(lease), failure);
    }

    /** Cleanup after a failure must not hide the failure; a lease left behind expires on its own. */
    private static void quietly(Runnable cleanup, Throwable failure) {
        try {
            cleanup.run();
        } catch (RuntimeException cleanupFailed) {
            failure.addSuppressed(cleanupFailed);
        }
    }
}
