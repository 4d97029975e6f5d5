package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.ErrorBody;
import dev.concierge.adapter.http.ServerStopping;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.BatchProgressView;
import dev.concierge.domain.kernel.DomainException;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A batch's progress as Server-Sent Events: a {@code progress} event whenever the counts change, an {@code end}
 * event when every job has finished, then the stream closes; a {@code failure} event carries the error body if
 * the batch can no longer be read. Progress is polled from the use case, so any instance
 * serves the stream whichever instance runs the jobs. A stream lasts at most {@code maxDuration}; the browser's
 * EventSource then reconnects by itself, which keeps one connection from pinning a server forever. When the server
 * begins to stop, the stream sends a {@code reconnect} event and closes at once, so it does not hold the shutdown
 * drain; the browser reconnects to another instance.
 */
public final class BatchProgressStream {
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** The final event of a stream ended by a stopping server. */
    public record Reconnect(String reason) {}

    private final Duration interval;
    private final Duration maxDuration;
    private final ServerStopping stopping;

    public BatchProgressStream(Duration interval, Duration maxDuration) { this(interval, maxDuration, new ServerStopping()); }

    public BatchProgressStream(Duration interval, Duration maxDuration, ServerStopping stopping) {
        this.interval = interval;
        this.maxDuration = maxDuration;
        this.stopping = stopping;
    }

    public static BatchProgressStream standard(ServerStopping stopping) {
        return new BatchProgressStream(Duration.ofSeconds(1), Duration.ofMinutes(5), stopping);
    }

    /**
     * Opens the stream whatever the request's {@code Accept} header: Javalin's {@code SseHandler} answers an empty 200
     * unless it says {@code text/event-stream}, and {@code curl -N} does not. Holds its thread for the stream's life,
     * so it runs on a virtual thread ({@link dev.concierge.adapter.http.LongRunning}).
     */
    void stream(Context ctx, Supplier<BatchProgressView> progress) throws Exception {
        stream(ctx, progress, TestCaseGenerationTexts.of(dev.concierge.domain.kernel.Language.EN));
    }

    /** {@code texts}: the reader's language, for the words of a {@code failure} event. */
    void stream(Context ctx, Supplier<BatchProgressView> progress, TestCaseGenerationTexts texts) throws Exception {
        ctx.status(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType("text/event-stream");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no"); // proxies must pass each event on at once
        ctx.res().flushBuffer();
        run(new SseClient(ctx), progress, texts);
    }

    private void run(SseClient client, Supplier<BatchProgressView> progress, TestCaseGenerationTexts texts) {
        long deadline = System.nanoTime() + maxDuration.toNanos();
        long lastWrite = System.nanoTime();
        BatchProgressView last = null;
        try {
            while (!client.terminated() && System.nanoTime() < deadline) {
                BatchProgressView now = progress.get();
                if (last == null || changed(last, now)) {
                    client.sendEvent("progress", now);
                    last = now;
                    lastWrite = System.nanoTime();
                } else if (System.nanoTime() - lastWrite > HEARTBEAT.toNanos()) {
                    client.sendComment("keep-alive"); // also finds out whether the browser is still there
                    lastWrite = System.nanoTime();
                }
                if (now.done()) {
                    client.sendEvent("end", now);
                    break;
                }
                if (stopping.await(interval)) {
                    client.sendEvent("reconnect", new Reconnect("server stopping; reconnect to follow the batch"));
                    break;
                }
            }
        } catch (DomainException e) {
            client.sendEvent("failure", ErrorBody.of(e.code(), texts.refusal(e), e.details(), texts.language()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    private static boolean changed(BatchProgressView a, BatchProgressView b) {
        return !Objects.equals(a.counts(), b.counts()) || a.cancelled() != b.cancelled()
                || !Objects.equals(a.estimatedSecondsLeft(), b.estimatedSecondsLeft()) || !Objects.equals(a.estimate(), b.estimate());
    }
}
