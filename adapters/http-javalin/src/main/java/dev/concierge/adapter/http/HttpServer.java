package dev.concierge.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one Javalin server: JSON API under {@code /api}, health, pages everywhere else. Every context's routes
 * arrive as {@link RouteGroup}s; cross-cutting concerns (request ids, security headers, errors, access log) live here.
 */
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("concierge.access");
    public static final long MAX_BODY_BYTES = 256 * 1024;
    private static final String STARTED = "concierge.started-nanos";

    public record Config(String host, int port, Duration drainTimeout) {}

    /** A route as registered, for the API description check. */
    public record Route(String method, String path) {}

    private final Javalin app;
    private final GracefulHandler graceful = new GracefulHandler();
    private final Duration drainTimeout;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());

    public HttpServer(Config config, ObjectMapper mapper, Set<RouteGroup> groups, ErrorMapping errors,
                      CrossOriginProtection crossOrigin) {
        this.drainTimeout = config.drainTimeout();
        this.app = Javalin.create(javalin -> {
            javalin.jsonMapper(new JavalinJackson(mapper, true));
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.concurrency.useVirtualThreads = true;
            javalin.http.maxRequestSize = MAX_BODY_BYTES;
            javalin.http.prefer405over404 = true;
            javalin.http.defaultContentType = "application/json";
            javalin.router.ignoreTrailingSlashes = true;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.jetty.modifyServer(server -> {
                // stop() drains through this handler itself; Jetty's own graceful stop would also wait for idle
                // keep-alive connections (a load balancer keeps some open) until the timeout.
                server.setStopTimeout(0);
                server.insertHandler(graceful);
            });
            javalin.events.handlerAdded(info -> routes.add(new Route(info.getHttpMethod().name(), info.getPath())));

            javalin.routes.before(ctx -> {
                ctx.attribute(STARTED, System.nanoTime());
                MDC.put("requestId", RequestIds.assign(ctx));
                SecurityHeaders.apply(ctx);
                crossOrigin.check(ctx);
            });
            javalin.routes.after(HttpServer::logAccess);
            errors.register(javalin.routes);
            javalin.routes.get("/assets/<path>", new ClasspathAssets("/public/assets", "public, max-age=300"));
            for (RouteGroup group : groups) group.register(javalin.routes);
        });
    }

    public HttpServer start() {
        app.start();
        LOG.info("listening on http://{}:{}", app.jettyServer().server().getURI().getHost(), app.port());
        return this;
    }

    public int port() { return app.port(); }

    /**
     * Refuses new requests (503), waits up to the drain timeout for in-flight ones to finish, then closes every
     * connection.
     */
    public void stop() {
        try {
            graceful.shutdown().get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("requests still running after {} s; stopping anyway", drainTimeout.toSeconds());
        } catch (ExecutionException e) {
            LOG.warn("draining failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
    }

    /** Every registered (method, path), to check the OpenAPI document covers the API. */
    public List<Route> routes() {
        synchronized (routes) {
            return routes.stream().filter(r -> !r.method().equals(HandlerType.BEFORE.name())
                    && !r.method().equals(HandlerType.AFTER.name())).toList();
        }
    }

    private static void logAccess(Context ctx) {
        if (!ACCESS.isInfoEnabled()) return;
        Long started = ctx.attribute(STARTED);
        // Tenths of a millisecond by integer arithmetic: this runs once per request, String.format costs more.
        long tenths = started == null ? 0 : (System.nanoTime() - started) / 100_000;
        String millis = (tenths / 10) + "." + (tenths % 10);
        try {
            String route = ctx.endpoint() == null ? ctx.path() : ctx.endpoint().path;
            String status = Integer.toString(ctx.statusCode());
            MDC.put("method", ctx.method().name());
            MDC.put("route", route);
            MDC.put("status", status);
            MDC.put("latencyMs", millis);
            ACCESS.info("{} {} {} {}ms", ctx.method().name(), ctx.path(), status, millis);
        } catch (RuntimeException ignored) {
            // never fail a response because of its log line
        } finally {
            MDC.clear();
        }
    }
}
