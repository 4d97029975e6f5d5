package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.ErrorBody;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.BatchProgressView;
import dev.concierge.domain.kernel.DomainException;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A batch's progress as Server-Sent Events: a {@code progress} event whenever the counts change, an {@code end}
 * event when every job has finished, then the stream closes; a {@code failure} event carries the error body if
 * the batch can no longer be read. Progress is polled from the use case, so any instance
 * serves the stream whichever instance runs the jobs. A stream lasts at most {@code maxDuration}; the browser's
 * EventSource then reconnects by itself, which keeps one connection from pinning a server forever.
 *
 * <p>Written by hand rather than with Javalin's {@code SseHandler}, which answers an empty 200 unless the request
 * says {@code Accept: text/event-stream}: {@code curl -N} without that header must see the events too.
 */
public final class BatchProgressStream {
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Duration interval;
    private final Duration maxDuration;

    public BatchProgressStream(Duration interval, Duration maxDuration) {
        this.interval = interval;
        this.maxDuration = maxDuration;
    }

    public static BatchProgressStream standard() { return new BatchProgressStream(Duration.ofSeconds(1), Duration.ofMinutes(5)); }

    void stream(Context ctx, Supplier<BatchProgressView> progress) throws Exception {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-store");
        ctx.res().setHeader("X-Accel-Buffering", "no"); // proxies must pass each event on at once
        OutputStream out = ctx.res().getOutputStream();
        try {
            run(ctx, out, progress);
        } catch (IOException gone) {
            // the client left; nothing to clean up, the jobs run on regardless
        }
    }

    private void run(Context ctx, OutputStream out, Supplier<BatchProgressView> progress) throws IOException {
        long deadline = System.nanoTime() + maxDuration.toNanos();
        long lastWrite = System.nanoTime();
        BatchProgressView last = null;
        try {
            while (System.nanoTime() < deadline) {
                BatchProgressView now = progress.get();
                if (last == null || changed(last, now)) {
                    event(ctx, out, "progress", now);
                    last = now;
                    lastWrite = System.nanoTime();
                } else if (System.nanoTime() - lastWrite > HEARTBEAT.toNanos()) {
                    write(out, ": keep-alive\n\n"); // also finds out whether the client is still there
                    lastWrite = System.nanoTime();
                }
                if (now.done()) {
                    event(ctx, out, "end", now);
                    break;
                }
                Thread.sleep(interval);
            }
        } catch (DomainException e) {
            event(ctx, out, "failure", ErrorBody.of(e.code(), e.getMessage(), e.details()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void event(Context ctx, OutputStream out, String name, Object data) throws IOException {
        write(out, "event: " + name + "\ndata: " + ctx.jsonMapper().toJsonString(data, data.getClass()) + "\n\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static boolean changed(BatchProgressView a, BatchProgressView b) {
        return !Objects.equals(a.counts(), b.counts()) || a.cancelled() != b.cancelled()
                || !Objects.equals(a.estimatedSecondsLeft(), b.estimatedSecondsLeft());
    }
}
