package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.LongRunning;
import dev.concierge.adapter.http.web.LanguageChoice;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.DomainException;
import dev.concierge.domain.tripsupport.port.in.TurnEvent;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One chat turn as a {@code text/event-stream} answer to a POST. The turn runs on a virtual thread of its own; each
 * {@link TurnEvent} is written and flushed by the thread that reports it (the model's reader, for tokens), rendered
 * in the request's language. A failure the turn reports before any event (no model, unknown conversation, a turn in
 * progress) is rethrown, so it answers with the standard error body and status. The use case always ends a turn with
 * {@code done} or {@code error}; a turn that returns without one still ends the stream, so the page never hangs.
 *
 * <p>Events: {@code token} {@code {"text"}}, {@code tool} {@code {"tool","code","args","outcome"}}, {@code proposal}
 * (the proposal, as the proposals API shows it), {@code done} {@code {"text"}}, {@code error} {@code {"code","message"}};
 * comment lines keep an idle connection open while the model thinks.
 */
final class ChatStream {
    private static final Logger LOG = LoggerFactory.getLogger(ChatStream.class);

    /** How long to hold the response back for a failure that deserves a status code rather than an error event. */
    static final Duration FIRST_EVENT_WAIT = Duration.ofSeconds(5);
    /** Well inside Jetty's 30 s idle timeout. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /** What the turn's thread reports: an event of the use case, or how the thread itself ended. */
    private sealed interface Report {
        record Event(TurnEvent event) implements Report {}

        record Thrown(RuntimeException exception) implements Report {}

        record Returned() implements Report {}
    }

    private final ObjectMapper mapper;
    private final ZoneId zone;

    ChatStream(ObjectMapper mapper, ZoneId zone) {
        this.mapper = mapper;
        this.zone = zone;
    }

    /**
     * Starts {@code turn} on a virtual thread; the request itself continues on another ({@link LongRunning}), which
     * opens the stream, keeps it alive while the model thinks, and ends it when the turn has.
     */
    void run(Context ctx, String threadName, Consumer<Consumer<TurnEvent>> turn) {
        Stream stream = new Stream(ctx, Messages.of(LanguageChoice.of(ctx)));
        Thread.ofVirtual().name(threadName).start(() -> { // a thread dump names the conversation being answered
            try {
                turn.accept(event -> stream.report(new Report.Event(event)));
                stream.report(new Report.Returned());
            } catch (RuntimeException e) {
                stream.report(new Report.Thrown(e));
            }
        });
        LongRunning.continueOnVirtualThread(ctx, stream::serve);
    }

    /**
     * The response of one turn. Until the request's own thread has opened it, reports wait in order; after that, each
     * is written by the thread reporting it, one writer at a time.
     */
    private final class Stream {
        private final Context ctx;
        private final Messages messages;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition reported = lock.newCondition();
        private final List<Report> waiting = new ArrayList<>(); // guarded by lock, until the stream is open
        private OutputStream out; // guarded by lock: set once the stream is open
        private boolean ended; // guarded by lock: done or error written, or the client gone
        private long lastWriteAt = System.nanoTime(); // guarded by lock

        Stream(Context ctx, Messages messages) {
            this.ctx = ctx;
            this.messages = messages;
        }

        void report(Report report) {
            lock.lock();
            try {
                if (ended) return; // the stream has ended: a late report has no one to reach
                if (out == null) {
                    waiting.add(report);
                    reported.signal();
                } else {
                    send(report);
                }
            } finally {
                lock.unlock();
            }
        }

        /** The request's part: open the stream, keep it alive, return once it has ended. */
        void serve() throws Exception {
            lock.lock();
            try {
                long firstWait = FIRST_EVENT_WAIT.toNanos();
                while (waiting.isEmpty() && firstWait > 0) firstWait = reported.awaitNanos(firstWait);
                if (!waiting.isEmpty() && waiting.getFirst() instanceof Report.Thrown thrown) {
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
                for (Report report : waiting) {
                    if (ended) break;
                    send(report);
                }
                waiting.clear();
                while (!ended) {
                    long sinceWrite = System.nanoTime() - lastWriteAt;
                    if (sinceWrite >= HEARTBEAT.toNanos()) write(": waiting for the model\n\n");
                    else reported.awaitNanos(HEARTBEAT.toNanos() - sinceWrite);
                }
            } finally {
                ended = true; // however this ends, the response is done: a late report must not write into it
                lock.unlock();
            }
        }

        /** Writes one report; the stream ends with the turn's last event. Called with the lock held, the stream open. */
        private void send(Report report) {
            switch (report) {
                case Report.Event(TurnEvent.Token token) -> {
                    if (!token.text().isEmpty()) emit("token", Map.of("text", token.text()), false);
                }
                case Report.Event(TurnEvent.ToolUsed used) -> {
                    String summary = ChatTexts.toolSummary(messages, used.tool(), used.code(), used.args());
                    emit("tool", Map.of("tool", used.tool(), "code", used.code(), "args", used.args(), "outcome", summary,
                            "summary", summary), false);
                }
                case Report.Event(TurnEvent.Proposed proposed) -> emit("proposal", TripViews.ProposalView.of(proposed.proposal(), zone, messages), false);
                case Report.Event(TurnEvent.Done done) -> emit("done", Map.of("text", done.text()), true);
                case Report.Event(TurnEvent.Failed failed) -> failed(failed.code());
                case Report.Thrown thrown -> {
                    LOG.warn("chat turn failed after streaming began", thrown.exception());
                    if (thrown.exception() instanceof DomainException domain) {
                        // Its message is the server's account for operators (which URL, which setting): the log has it.
                        emit("error", Map.of("code", domain.code(), "message", ChatTexts.failure(messages, domain.code())), true);
                    } else {
                        failed("internal_error");
                    }
                }
                case Report.Returned returned -> end(); // after its last event, or a turn that broke its promise of one
            }
        }

        private void failed(String code) {
            emit("error", Map.of("code", code, "message", ChatTexts.failure(messages, code)), true);
        }

        private void emit(String name, Object data, boolean last) {
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
