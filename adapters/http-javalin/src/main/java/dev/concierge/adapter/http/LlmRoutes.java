package dev.concierge.adapter.http;

import dev.concierge.adapter.http.identity.CurrentUser;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What every route that calls an LLM shares: the role that marks it, and the limits the server enforces for it in one
 * place: calls per user per minute (429 with Retry-After) and calls running at once on this instance (503 with
 * Retry-After). Mark a route by passing the role when registering it:
 * {@code routes.post("/api/suites/{id}/batches", this::startBatch, LlmRoutes.ROLE)}.
 */
public final class LlmRoutes {
    /** The role an LLM-calling route carries. */
    public static final RouteRole ROLE = Role.CALLS_AN_LLM;

    private enum Role implements RouteRole { CALLS_AN_LLM }

    private static final String PERMIT = "concierge.llm-permit";
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    public record Limits(int callsPerUserPerMinute, int maxConcurrentCalls) {
        public Limits {
            if (callsPerUserPerMinute < 1 || maxConcurrentCalls < 1) throw new IllegalArgumentException("limits must be positive");
        }

        public static Limits defaults() { return new Limits(20, 4); }
    }

    private final Limits limits;
    private final Semaphore running;
    private final Map<String, Deque<Long>> recentCalls = new ConcurrentHashMap<>();

    public LlmRoutes(Limits limits) {
        this.limits = limits;
        this.running = new Semaphore(limits.maxConcurrentCalls());
    }

    /** Before a matched route runs: admits an LLM route's call or refuses it. Other routes pass untouched. */
    void admit(Context ctx, CurrentUser currentUser) {
        if (!ctx.routeRoles().contains(ROLE)) return;
        String user = currentUser.of(ctx).value();
        long retryAfter = recordCall(user, System.nanoTime());
        if (retryAfter > 0) {
            throw new LimitExceeded(429, "rate_limited", "You have started " + limits.callsPerUserPerMinute()
                    + " AI requests in the last minute, the most allowed; try again in " + retryAfter + " s.", retryAfter,
                    limits.callsPerUserPerMinute(), retryAfter);
        }
        if (!running.tryAcquire()) {
            throw new LimitExceeded(503, "llm_busy", "The AI model is busy with other requests right now; try again in a few "
                    + "seconds.", 5, 5);
        }
        ctx.attribute(PERMIT, Boolean.TRUE);
    }

    /** After every request: gives back the call slot an LLM route took, whatever happened in it. */
    void release(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(PERMIT))) {
            ctx.attribute(PERMIT, Boolean.FALSE);
            running.release();
        }
    }

    /** Records the call and answers 0, or refuses it and answers the seconds until the user may call again. */
    private long recordCall(String user, long now) {
        long[] retryAfter = {0};
        recentCalls.compute(user, (key, calls) -> {
            Deque<Long> window = calls == null ? new ArrayDeque<>() : calls;
            while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) window.pollFirst();
            if (window.size() >= limits.callsPerUserPerMinute()) {
                retryAfter[0] = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(WINDOW_NANOS - (now - window.peekFirst())) + 1);
            } else {
                window.addLast(now);
            }
            return window;
        });
        if (recentCalls.size() > 10_000) recentCalls.values().removeIf(w -> w.isEmpty() || now - w.peekLast() >= WINDOW_NANOS);
        return retryAfter[0];
    }

    /** A limit refused the call: the status, the standard error body and a Retry-After header. */
    public static final class LimitExceeded extends RuntimeException {
        private final int status;
        private final String code;
        private final long retryAfterSeconds;
        private final Object[] figures;

        /** {@code figures}: what the edge bundles' wording of {@code code} names (the limit, the seconds to wait). */
        LimitExceeded(int status, String code, String message, long retryAfterSeconds, Object... figures) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.retryAfterSeconds = retryAfterSeconds;
            this.figures = figures.clone();
        }

        public Object[] figures() { return figures.clone(); }

        public int status() { return status; }

        public String code() { return code; }

        public long retryAfterSeconds() { return retryAfterSeconds; }
    }
}
