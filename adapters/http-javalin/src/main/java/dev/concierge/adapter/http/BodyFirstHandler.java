package dev.concierge.adapter.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A Jetty handler that reads a request's whole body before the application sees the request, without holding a
 * thread while the body trickles in: it reads what has arrived and asks Jetty to call back when more does. Only then
 * does the request go on to Javalin, whose handlers read the body as a finished buffer and so never block on a slow
 * client. A body that is not complete within the deadline is answered 408; one over the size limit 413.
 * <p>
 * Why: requests run on a small pool of platform threads ({@code HTTP_THREADS}); a dozen clients sending one byte of
 * a declared 100-byte body and then nothing would otherwise hold every one of them, and {@code /health} with them.
 */
final class BodyFirstHandler extends Handler.Wrapper {
    static final String TIMEOUT_REASON = "concierge.body-timeout";
    static final String TOO_LARGE_REASON = "concierge.body-too-large";
    static final String BROKEN_REASON = "concierge.body-broken";

    private final long maxBytes;
    private final List<Map.Entry<Pattern, Long>> larger;
    private final Duration deadline;

    BodyFirstHandler(long maxBytes, List<RouteGroup.LargeBody> largeBodies, Duration deadline) {
        this.maxBytes = maxBytes;
        this.larger = largeBodies.stream().map(b -> Map.entry(Pattern.compile(b.pathPattern()), b.maxBytes())).toList();
        this.deadline = deadline;
    }

    private long limitFor(Request request) {
        String path = Request.getPathInContext(request);
        for (var entry : larger) if (entry.getKey().matcher(path).matches()) return entry.getValue();
        return maxBytes;
    }

    @Override public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) return false;
        long declared = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
        if (declared <= 0 && !chunked) return next.handle(request, response, callback);
        long limit = limitFor(request);
        if (declared > limit) {
            Response.writeError(request, response, callback, 413, TOO_LARGE_REASON);
            return true;
        }
        new BodyReader(next, request, response, callback, declared, limit).start();
        return true;
    }

    private enum State { READING, HANDED_ON, ENDED }

    /** One request's body, read chunk by chunk as Jetty offers it; Jetty never calls its demand callback twice at once. */
    private final class BodyReader implements Runnable {
        private final Handler next;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body;
        private final long limit;
        private final AtomicReference<State> state = new AtomicReference<>(State.READING);
        private Scheduler.Task timer;

        BodyReader(Handler next, Request request, Response response, Callback callback, long declared, long limit) {
            this.limit = limit;
            this.next = next;
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        }

        void start() {
            timer = request.getComponents().getScheduler().schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
            run();
        }

        /** Called when more content may be there: read all that is, then wait again or hand the request on. */
        @Override public void run() {
            while (state.get() == State.READING) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    chunk.release();
                    end(chunk.getFailure() instanceof TimeoutException ? 408 : 400,
                            chunk.getFailure() instanceof TimeoutException ? TIMEOUT_REASON : BROKEN_REASON);
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                boolean last = chunk.isLast();
                if (body.size() + (long) bytes.remaining() > limit) {
                    chunk.release();
                    end(413, TOO_LARGE_REASON);
                    return;
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                chunk.release();
                body.write(copy, 0, copy.length);
                if (last) {
                    handOn();
                    return;
                }
            }
        }

        private void expire() {
            end(408, TIMEOUT_REASON);
        }

        private void end(int status, String reason) {
            if (!state.compareAndSet(State.READING, State.ENDED)) return;
            if (timer != null) timer.cancel();
            Response.writeError(request, response, callback, status, reason);
        }

        private void handOn() {
            if (!state.compareAndSet(State.READING, State.HANDED_ON)) return;
            timer.cancel();
            Request buffered = new BufferedBody(request, ByteBuffer.wrap(body.toByteArray()));
            try {
                if (!next.handle(buffered, response, callback)) Response.writeError(buffered, response, callback, 404);
            } catch (Throwable failure) {
                Response.writeError(buffered, response, callback, failure);
            }
        }
    }

    /** The request as the application sees it: its body is already here, so reading it never waits. */
    private static final class BufferedBody extends Request.Wrapper {
        private final ByteBufferContentSource content;

        BufferedBody(Request request, ByteBuffer body) {
            super(request);
            this.content = new ByteBufferContentSource(body);
        }

        @Override public Content.Chunk read() { return content.read(); }

        @Override public void demand(Runnable demandCallback) { content.demand(demandCallback); }

        @Override public void fail(Throwable failure) { content.fail(failure); }
    }
}
