package dev.concierge.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /**
     * {@code threads}: the platform threads serving requests (see {@link #platformThreads}); {@code accessLog}: which
     * requests get a line in {@code concierge.access}.
     */
    public record Config(String host, int port, int threads, Duration drainTimeout, AccessLog accessLog, Duration bodyDeadline) {
        public static final int DEFAULT_THREADS = 12;
        /** A full-size body (256 KiB) in 20 s is 13 KB/s: a weak mobile link manages it; a stalled client is let go. */
        public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(20);

        public Config {
            if (threads < 4) throw new IllegalArgumentException("the server needs at least 4 threads, was " + threads);
            Objects.requireNonNull(accessLog, "accessLog");
            if (bodyDeadline.isNegative() || bodyDeadline.isZero()) throw new IllegalArgumentException("bodyDeadline must be positive");
        }

        public Config(String host, int port, int threads, Duration drainTimeout, AccessLog accessLog) {
            this(host, port, threads, drainTimeout, accessLog, DEFAULT_BODY_DEADLINE);
        }

        public Config(String host, int port, Duration drainTimeout) {
            this(host, port, DEFAULT_THREADS, drainTimeout, AccessLog.FAILURES);
        }
    }

    /**
     * Which requests the access log records. Behind the load balancer its own access logs record every request, with
     * the trace id this server uses as request id, so by default only failures get a line here: a line per request
     * is a measurable share of a short request's CPU (bench/README.md).
     */
    public enum AccessLog {
        ALL, FAILURES, OFF;

        boolean records(int status) {
            return this == ALL || (this == FAILURES && status >= 400);
        }
    }

    /** A route as registered, for the API description check. */
    public record Route(String method, String path) {}

    private final Javalin app;
    private final GracefulHandler graceful = new GracefulHandler();
    private final Duration drainTimeout;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    private final MeterRegistry meters;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final ServerStopping stopping;
    private final AccessLog accessLog;
    private final RequestTraces traces;

    /** A server with a fixed local user, metrics kept in memory and default LLM limits, for tests of route groups. */
    public HttpServer(Config config, ObjectMapper mapper, Set<RouteGroup> groups, ErrorMapping errors,
                      CrossOriginProtection crossOrigin) {
        this(config, mapper, groups, errors, crossOrigin, ctx -> new Actor(new UserId("local"), Set.of()),
                new SimpleMeterRegistry(), new LlmRoutes(LlmRoutes.Limits.defaults()));
    }

    public HttpServer(Config config, ObjectMapper mapper, Set<RouteGroup> groups, ErrorMapping errors,
                      CrossOriginProtection crossOrigin, CurrentUser currentUser, MeterRegistry meters, LlmRoutes llm) {
        this(config, mapper, groups, errors, crossOrigin, currentUser, meters, llm, new ServerStopping());
    }

    /** {@code stopping} is raised by {@link #stop()} before draining, for streams that should end at once. */
    public HttpServer(Config config, ObjectMapper mapper, Set<RouteGroup> groups, ErrorMapping errors,
                      CrossOriginProtection crossOrigin, CurrentUser currentUser, MeterRegistry meters, LlmRoutes llm,
                      ServerStopping stopping) {
        this(config, mapper, groups, errors, crossOrigin, currentUser, meters, llm, stopping, RequestTraces.off());
    }

    /** {@code traces} starts a server span per request when tracing is on. */
    public HttpServer(Config config, ObjectMapper mapper, Set<RouteGroup> groups, ErrorMapping errors,
                      CrossOriginProtection crossOrigin, CurrentUser currentUser, MeterRegistry meters, LlmRoutes llm,
                      ServerStopping stopping, RequestTraces traces) {
        this(config, mapper, groups, errors, crossOrigin, Optional.of(currentUser), meters, llm, stopping, traces);
    }

    /**
     * A server for no users, only for operations (a generation-worker instance): {@code groups} are its health and
     * metrics routes; no identity is asked for, no pages or assets are served, and every other path is a 404 JSON error.
     */
    public static HttpServer operationsOnly(Config config, ObjectMapper mapper, Set<RouteGroup> groups, MeterRegistry meters,
                                            ServerStopping stopping, RequestTraces traces) {
        return new HttpServer(config, mapper, groups, ErrorMapping.jsonOnly(), new CrossOriginProtection(), Optional.empty(),
                meters, new LlmRoutes(LlmRoutes.Limits.defaults()), stopping, traces);
    }

    private HttpServer(Config config, ObjectMapper mapper, Set<RouteGroup> groups, ErrorMapping errors,
                       CrossOriginProtection crossOrigin, Optional<CurrentUser> users, MeterRegistry meters, LlmRoutes llm,
                       ServerStopping stopping, RequestTraces traces) {
        this.traces = traces;
        this.drainTimeout = config.drainTimeout();
        this.meters = meters;
        this.stopping = stopping;
        this.accessLog = config.accessLog();
        this.app = Javalin.create(javalin -> {
            javalin.jsonMapper(new JavalinJackson(mapper, true));
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.threadPool = platformThreads(config.threads());
            javalin.http.maxRequestSize = MAX_BODY_BYTES;
            // Only sizes the buffer Javalin copies each result through; its default (Jetty's 32 KiB output buffer)
            // is allocated per response, while nearly every answer here is a few KiB of JSON.
            javalin.http.responseBufferSize = 8192;
            javalin.http.prefer405over404 = true;
            javalin.http.defaultContentType = "application/json";
            javalin.router.ignoreTrailingSlashes = true;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.jetty.modifyServer(server -> {
                // stop() drains through this handler itself; Jetty's own graceful stop would also wait for idle
                // keep-alive connections (a load balancer keeps some open) until the timeout.
                server.setStopTimeout(0);
                // Bodies are read in full, without a thread, before a request takes one of the few platform threads.
                server.insertHandler(new BodyFirstHandler(MAX_BODY_BYTES,
                        groups.stream().flatMap(g -> g.largeBodies().stream()).toList(), config.bodyDeadline()));
                server.insertHandler(graceful);
                server.setErrorHandler(new JettyErrors(mapper, config.bodyDeadline()));
            });
            javalin.events.handlerAdded(info -> routes.add(new Route(info.getHttpMethod().name(), info.getPath())));

            javalin.routes.before(ctx -> {
                ctx.attribute(STARTED, System.nanoTime());
                traces.start(ctx).ifPresent(traceId -> {
                    MDC.put("traceId", traceId);
                    ctx.attribute(RequestIds.TRACE_ID, traceId);
                });
                MDC.put("requestId", RequestIds.assign(ctx));
                SecurityHeaders.apply(ctx);
                if (users.isPresent() && !isOpen(ctx.path())) MDC.put("user", users.get().of(ctx).value()); // 401 without an identity
                crossOrigin.check(ctx);
                refuseNulInQuery(ctx);
            });
            users.ifPresent(currentUser -> javalin.routes.beforeMatched(ctx -> llm.admit(ctx, currentUser)));
            javalin.routes.after(ctx -> {
                llm.release(ctx);
                readUnreadBody(ctx);
                observe(ctx);
            });
            errors.register(javalin.routes);
            if (users.isPresent()) javalin.routes.get("/assets/<path>", new ClasspathAssets("/public/assets", "public, max-age=300"));
            for (RouteGroup group : groups) group.register(javalin.routes);
        });
    }

    /**
     * Short requests run on a small pool of platform threads, about one per database connection: a platform thread's
     * blocking database read wakes it directly (a virtual thread's goes through the poller, then a carrier), and
     * requests beyond the pool wait in Jetty's queue in arrival order instead of contending for a connection, which
     * keeps the tail latency of short requests low under load (bench/README.md). Whatever waits long runs on a virtual
     * thread instead: {@link LongRunning}.
     */
    private static QueuedThreadPool platformThreads(int threads) {
        var pool = new QueuedThreadPool(threads, threads);
        pool.setName("http");
        return pool;
    }

    public HttpServer start() {
        app.start();
        LOG.info("listening on http://{}:{}", app.jettyServer().server().getURI().getHost(), app.port());
        return this;
    }

    public int port() { return app.port(); }

    /**
     * Tells resumable streams to end ({@link ServerStopping}), refuses new requests (503), waits up to the drain
     * timeout for in-flight ones to finish, then closes every connection.
     */
    public void stop() {
        stopping.begin();
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
            // Only endpoints: not before/after (matched) handlers, which apply to every path.
            return routes.stream().filter(r -> HTTP_METHODS.contains(r.method())).toList();
        }
    }

    /** Paths anyone may call: the load balancer's and Prometheus' probes, and the pages' static assets. */
    /**
     * A request refused before its handler read the body (401, 403, 429, ...): read it now, within the size limit, so
     * Jetty keeps the connection instead of closing it under a client still sending, who would then see a reset
     * rather than the answer.
     */
    private static void readUnreadBody(Context ctx) {
        if (ctx.statusCode() < 400 || ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) return;
        try {
            ctx.bodyAsBytes();
        } catch (RuntimeException ignored) {
            // over the size limit or a broken stream: Jetty closes the connection, nothing more to do
        }
    }

    static boolean isOpen(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics") || path.startsWith("/assets/")
                || path.startsWith("/auth/") // AUTH_MODE=oidc's sign-in; no such routes in the other modes
                || path.startsWith("/api/calendar-feeds/"); // a calendar app has no session: the secret token in the path is the identity
    }

    /** PostgreSQL cannot store or compare text with NUL in it; no legitimate client sends one. */
    private static void refuseNulInQuery(Context ctx) {
        for (var parameter : ctx.queryParamMap().entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                throw Params.invalid(parameter.getKey().replace('\u0000', '?'), Params.NUL_CHARACTER);
            }
        }
    }

    /** The route template a request matched ({@code /api/things/{id}}), never the raw path, which would explode metrics. */
    private static String routeOf(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** One latency sample per request, by method, route template and status; and one access-log line. */
    private void observe(Context ctx) {
        Long started = ctx.attribute(STARTED);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        String route = routeOf(ctx);
        try {
            timers.computeIfAbsent(new TimerKey(ctx.method().name(), route, ctx.statusCode()), this::timer)
                    .record(nanos, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            LOG.debug("could not record request metrics: {}", e.getMessage());
        }
        traces.end(ctx, route, RequestIds.of(ctx));
        logAccess(ctx, route, nanos);
    }

    /** Routes are templates and statuses few, so the timers are few: kept, instead of looked up by tags per request. */
    private record TimerKey(String method, String route, int status) {}

    private Timer timer(TimerKey key) {
        return Timer.builder("http.server.requests").description("HTTP requests by route template")
                .tag("method", key.method()).tag("route", key.route()).tag("status", Integer.toString(key.status()))
                .publishPercentileHistogram().register(meters);
    }

    private void logAccess(Context ctx, String route, long nanos) {
        if (!accessLog.records(ctx.statusCode()) || !ACCESS.isInfoEnabled()) {
            MDC.clear();
            return;
        }
        // Tenths of a millisecond by integer arithmetic: this runs once per request, String.format costs more.
        long tenths = nanos / 100_000;
        String millis = (tenths / 10) + "." + (tenths % 10);
        String status = Integer.toString(ctx.statusCode());
        try {
            MDC.put("method", ctx.method().name());
            MDC.put("route", route);
            MDC.put("status", status);
            MDC.put("latencyMs", millis);
            // A calendar feed's path is its secret: the log shows the route instead.
            String path = ctx.path().startsWith("/api/calendar-feeds/") ? route : ctx.path();
            ACCESS.info("{} {} {} {}ms", ctx.method().name(), path, status, millis);
        } catch (RuntimeException ignored) {
            // never fail a response because of its log line
        } finally {
            MDC.clear();
        }
    }
}
