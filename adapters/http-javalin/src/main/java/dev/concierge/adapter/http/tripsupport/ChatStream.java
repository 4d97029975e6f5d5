package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.LongRunning;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One chat turn as a {@code text/event-stream} answer to a POST. The turn runs on its own thread and reports
 * through a queue; this request's thread writes each event as it arrives and flushes it, so the browser sees tokens
 * one by one. A failure the turn reports before anything was written (no model, unknown conversation) is rethrown,
 * so it answers with the standard error body and status. Once streaming, every way a turn can end (done, failed,
 * no news for the idle timeout) ends with a {@code done} or {@code error} event: the page never hangs.
 *
 * <p>Events: {@code token} {@code {"text"}}, {@code tool} {@code {"tool","outcome"}}, {@code done} {@code {"text"}},
 * {@code error} {@code {"code","message"}}; comment lines keep an idle connection open while the model thinks.
 */
final class ChatStream {
    private static final Logger LOG = LoggerFactory.getLogger(ChatStream.class);

    /** How long to hold the response back for a failure that deserves a status code rather than an error event. */
    static final Duration FIRST_EVENT_WAIT = Duration.ofSeconds(5);
    /** Well inside Jetty's 30 s idle timeout. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private sealed interface Event {
        record Token(String text) implements Event {}

        record Tool(String tool, String outcome) implements Event {}

        record Done(String text) implements Event {}

        record Failed(String message) implements Event {}

        record Thrown(RuntimeException exception) implements Event {}
    }

    private final ObjectMapper mapper;
    private final Duration idleTimeout;
    /**
     * Platform threads, kept for the next turn. The turn makes several database round trips in a row before the model
     * is asked: a platform thread's blocking read wakes it directly, where a virtual thread's goes through the poller
     * and then a carrier (0.12 ms against 0.3 ms per query on an idle machine), and starting a platform thread costs
     * another 0.3 ms. Turns at once are few: LLM admission bounds them.
     */
    private final ExecutorService turns = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("chat-turn-", 0).factory());

    ChatStream(ObjectMapper mapper, Duration idleTimeout) {
        this.mapper = mapper;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Starts {@code turn} with a listener at once, then streams what it reports to the response from a virtual thread
     * ({@link LongRunning}), which a stream may hold for minutes.
     */
    void run(Context ctx, String threadName, Consumer<TripAssistant.Listener> turn) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        TripAssistant.Listener listener = new TripAssistant.Listener() {
            @Override public void token(String text) { if (text != null && !text.isEmpty()) events.add(new Event.Token(text)); }

            @Override public void toolUsed(String tool, String outcome) { events.add(new Event.Tool(tool, outcome)); }

            @Override public void completed(String fullText) { events.add(new Event.Done(fullText == null ? "" : fullText)); }

            @Override public void failed(String message) { events.add(new Event.Failed(message)); }
        };
        turns.execute(() -> {
            Thread thread = Thread.currentThread();
            String idleName = thread.getName();
            thread.setName(threadName); // a thread dump names the conversation being answered
            try {
                turn.accept(listener);
            } catch (RuntimeException e) {
                events.add(new Event.Thrown(e));
            } finally {
                thread.setName(idleName); // back in the pool, it no longer answers that conversation
            }
        });

        LongRunning.continueOnVirtualThread(ctx, () -> stream(ctx, events));
    }

    private void stream(Context ctx, BlockingQueue<Event> events) throws Exception {
        Event first = events.poll(Math.min(FIRST_EVENT_WAIT.toMillis(), idleTimeout.toMillis()), TimeUnit.MILLISECONDS);
        if (first instanceof Event.Thrown thrown) throw thrown.exception(); // nothing written yet: the standard error body

        ctx.status(200);
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-store");
        ctx.res().setHeader("X-Accel-Buffering", "no"); // proxies must pass each event on at once
        OutputStream out = ctx.res().getOutputStream();
        try {
            // Not flushed on its own: it leaves with the first event (or the first heartbeat), in one write.
            out.write(": stream open\n\n".getBytes(StandardCharsets.UTF_8));
            long idleSince = System.nanoTime();
            Event event = first;
            while (true) {
                if (event != null) {
                    idleSince = System.nanoTime();
                    if (send(out, event)) return;
                } else if (System.nanoTime() - idleSince >= idleTimeout.toNanos()) {
                    send(out, new Event.Failed("The assistant did not answer within " + idleTimeout.toSeconds()
                            + " seconds, so this turn was abandoned. Check that the LLM server is running and try again."));
                    return;
                } else {
                    write(out, ": waiting for the model\n\n");
                }
                long idleLeft = idleTimeout.toNanos() - (System.nanoTime() - idleSince);
                event = events.poll(Math.max(1, Math.min(HEARTBEAT.toNanos(), idleLeft)), TimeUnit.NANOSECONDS);
            }
        } catch (IOException gone) {
            // The browser left; the turn finishes on its own thread so the conversation's memory stays whole.
            LOG.debug("chat stream closed by the client: {}", gone.toString());
        }
    }

    /** Writes one event; true when it ends the stream. */
    private boolean send(OutputStream out, Event event) throws IOException {
        return switch (event) {
            case Event.Token token -> emit(out, "token", Map.of("text", token.text()), false);
            case Event.Tool tool -> emit(out, "tool", Map.of("tool", String.valueOf(tool.tool()), "outcome", String.valueOf(tool.outcome())), false);
            case Event.Done done -> emit(out, "done", Map.of("text", done.text()), true);
            case Event.Failed failed -> emit(out, "error", Map.of("code", "assistant_failed", "message", String.valueOf(failed.message())), true);
            case Event.Thrown thrown -> {
                LOG.warn("chat turn failed after streaming began", thrown.exception());
                String code = thrown.exception() instanceof dev.concierge.domain.kernel.DomainException d ? d.code() : "internal_error";
                String message = thrown.exception() instanceof dev.concierge.domain.kernel.DomainException
                        ? thrown.exception().getMessage()
                        : "The assistant failed unexpectedly; the error was logged. Try again.";
                yield emit(out, "error", Map.of("code", code, "message", message), true);
            }
        };
    }

    private boolean emit(OutputStream out, String name, Map<String, String> data, boolean last) throws IOException {
        write(out, "event: " + name + "\ndata: " + mapper.writeValueAsString(data) + "\n\n");
        return last;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
