package dev.concierge.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.util.function.ThrowingRunnable;
import org.slf4j.MDC;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A handler that waits long (on the model, or streaming events for minutes) runs on a virtual thread of its own, so it
 * never holds one of the server's few platform threads ({@code HTTP_THREADS}) that every short request needs. Wrap
 * such a handler when registering it: {@code routes.post(path, LongRunning.handler(this::chat), LlmRoutes.ROLE)}.
 * Errors it throws reach the same error mapping, and the after-handlers run when it ends.
 */
public final class LongRunning {
    private static final ExecutorService VIRTUAL_THREADS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("long-request-", 0).factory());

    private LongRunning() {}

    public static Handler handler(Handler handler) {
        return ctx -> continueOnVirtualThread(ctx, () -> handler.handle(ctx));
    }

    /** For a handler that does its short part first: the rest of the request runs on a virtual thread. */
    public static void continueOnVirtualThread(Context ctx, ThrowingRunnable<Exception> rest) {
        Map<String, String> diagnostics = MDC.getCopyOfContextMap(); // the request id and user, for its log lines
        io.opentelemetry.context.Context trace = RequestTraces.contextOf(ctx); // model calls' spans nest under the request's
        ctx.async(async -> async.executor = VIRTUAL_THREADS, () -> {
            if (diagnostics != null) MDC.setContextMap(diagnostics);
            try (var traced = trace.makeCurrent()) {
                rest.run();
            } finally {
                MDC.clear();
            }
        });
    }
}
