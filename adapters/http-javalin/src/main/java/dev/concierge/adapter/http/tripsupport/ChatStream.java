package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.LongRunning;
import dev.concierge.adapter.http.web.LanguageChoice;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One chat turn as a {@code text/event-stream} answer to a POST. The turn runs on its own thread; what it reports is
 * written and flushed by the thread that reports it (the model's reader, for tokens), so the browser sees each token
 * without another thread being woken for it. A failure the turn reports before anything was written (no model,
 * unknown conversation) is rethrown, so it answers with the standard error body and status. Once streaming, every way a
 * turn can end (done, failed, no news for the idle timeout) ends with a {@code done} or {@code error} event: the page
 * never hangs.
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
     * Starts {@code turn} with a listener at once; the request itself continues on a virtual thread
     * ({@link LongRunning}), which a stream may hold for minutes: it opens the stream, keeps it alive while the model
     * thinks, and ends it when the turn has.
     */
    void run(Context ctx, String threadName, Consumer<TripAssistant.Listener> turn) {
        Stream stream = new Stream(ctx);
        turns.execute(() -> {
            Thread thread = Thread.currentThread();
            String idleName = thread.getName();
            thread.setName(threadName); // a thread dump names the conversation being answered
            try {
                turn.accept(stream);
            } catch (RuntimeException e) {
                stream.report(new Event.Thrown(e));
            } finally {
                thread.setName(idleName); // back in the pool, it no longer answers that conversation
            }
        });
        LongRunning.continueOnVirtualThread(ctx, stream::serve);
    }

    /**
     * The response of one turn. Until the request's own thread has opened it, events wait in order; after that, each
     * is written by the thread reporting it, one writer at a time.
     */
    private final class Stream implements TripAssistant.Listener {
        private final Context ctx;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition reported = lock.newCondition();
        private final List<Event> waiting = new ArrayList<>(); // guarded by lock, until the stream is open
        private OutputStream out; // guarded by lock: set once the stream is open
        private boolean ended; // guarded by lock: done or error written, or the client gone
        private long lastEventAt = System.nanoTime(); // guarded by lock
        private long lastWriteAt = System.nanoTime(); // guarded by lock

        private final Messages messages;

        Stream(Context ctx) {
            this.ctx = ctx;
            this.messages = Messages.of(LanguageChoice.of(ctx));
        }

        @Override public void token(String text) { if (text != null && !text.isEmpty()) report(new Event.Token(text)); }

        @Override public void toolUsed(String tool, String outcome) { report(new Event.Tool(tool, outcome)); }

        @Override public void completed(String fullText) { report(new Event.Done(fullText == null ? "" : fullText)); }

        @Override public void failed(String message) { report(new Event.Failed(message)); }

        void report(Event event) {
            lock.lock();
            try {
                if (ended) return; // the stream has ended: a late event has no one to reach
                lastEventAt = System.nanoTime();
                if (out == null) {
                    waiting.add(event);
                    reported.signal();
                } else {
                    send(event);
                }
            } finally {
                lock.unlock();
            }
        }

        /** The request's part: open the stream, keep it alive, return once it has ended. */
        void serve() throws Exception {
            lock.lock();
            try {
                long firstWait = Math.min(FIRST_EVENT_WAIT.toNanos(), idleTimeout.toNanos());
                while (waiting.isEmpty() && firstWait > 0) firstWait = reported.awaitNanos(firstWait);
                if (!waiting.isEmpty() && waiting.getFirst() instanceof Event.Thrown thrown) {
                    ended = true;
                    throw thrown.exception(); // nothing written yet: the standard error body
                }
                ctx.status(200);
                ctx.res().setContentType("text/event-stream; charset=utf-8");
                ctx.res().setHeader("Cache-Control", "no-store");
                ctx.res().setHeader("X-Accel-Buffering", "no"); // proxies must pass each event on at once
                out = ctx.res().getOutputStream();
                try {
                    // Not flushed on its own: it leaves with the first event (or the first heartbeat), in one write.
                    out.write(": stream open\n\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException gone) {
                    clientGone(gone);
                }
                if (waiting.isEmpty()) write(": waiting for the model\n\n"); // the model is slow: the stream opens now
                for (Event event : waiting) {
                    if (ended) break;
                    send(event);
                }
                waiting.clear();
                while (!ended) {
                    long now = System.nanoTime();
                    long idleLeft = idleTimeout.toNanos() - (now - lastEventAt);
                    if (idleLeft <= 0) {
                        send(new Event.Failed("The assistant did not answer within " + idleTimeout.toSeconds()
                                + " seconds, so this turn was abandoned. Check that the LLM server is running and try again."));
                    } else if (now - lastWriteAt >= HEARTBEAT.toNanos()) {
                        write(": waiting for the model\n\n");
                    } else {
                        reported.awaitNanos(Math.min(idleLeft, HEARTBEAT.toNanos() - (now - lastWriteAt)));
                    }
                }
            } finally {
                ended = true; // however this ends, the response is done: a late event must not write into it
                lock.unlock();
            }
        }

        /** Writes one event; the stream ends with the turn's last one. Called with the lock held, the stream open. */
        private void send(Event event) {
            switch (event) {
                case Event.Token token -> emit("token", Map.of("text", token.text()), false);
                case Event.Tool tool -> emit("tool", Map.of("tool", String.valueOf(tool.tool()), "outcome", String.valueOf(tool.outcome())), false);
                case Event.Done done -> emit("done", Map.of("text", done.text()), true);
                case Event.Failed failed -> {
                    // The model's failure names servers and settings: for the operators' log, not the person chatting.
                    LOG.warn("chat turn failed after streaming began: {}", failed.message());
                    emit("error", Map.of("code", "assistant_failed", "message", messages.t("trips.chat.failed")), true);
                }
                case Event.Thrown thrown -> {
                    LOG.warn("chat turn failed after streaming began", thrown.exception());
                    String code = thrown.exception() instanceof dev.concierge.domain.kernel.DomainException d ? d.code() : "internal_error";
                    String message = thrown.exception() instanceof dev.concierge.domain.kernel.DomainException
                            ? thrown.exception().getMessage()
                            : "The assistant failed unexpectedly; the error was logged. Try again.";
                    emit("error", Map.of("code", code, "message", message), true);
                }
            }
        }

        private void emit(String name, Map<String, String> data, boolean last) {
            String text;
            try {
                text = "event: " + name + "\ndata: " + mapper.writeValueAsString(data) + "\n\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(text);
            if (last) end();
        }

        private void write(String text) {
            if (ended) return;
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                lastWriteAt = System.nanoTime();
            } catch (IOException gone) {
                clientGone(gone);
            }
        }

        /** The browser left; the turn finishes on its own thread so the conversation's memory stays whole. */
        private void clientGone(IOException gone) {
            LOG.debug("chat stream closed by the client: {}", gone.toString());
            end();
        }

        private void end() {
            ended = true;
            reported.signal();
        }
    }
}
