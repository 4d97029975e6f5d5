package dev.concierge.adapter.http;

import dev.concierge.adapter.http.identity.SignInRequired;
import dev.concierge.adapter.http.identity.Unauthenticated;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.DomainException;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.NotFound;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.kernel.Validation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps failures to HTTP once, by meaning: not found 404, invalid 400, rule violated 422, conflict 409,
 * unavailable 503. Anything unexpected is logged with its stack trace and answered 500 without one.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final String WRITTEN = "concierge.error-written";

    private final ErrorPages pages; // null: every error is JSON, whatever the path

    public ErrorMapping(ErrorPages pages) { this.pages = java.util.Objects.requireNonNull(pages, "pages"); }

    private ErrorMapping() { this.pages = null; }

    /** For a server without pages (operations only): every error, on every path, is the JSON error body. */
    public static ErrorMapping jsonOnly() { return new ErrorMapping(); }

    /** How a non-API path shows an error: a page in the user's language. */
    public interface ErrorPages {
        void render(Context ctx, int status, String message);

        /** The message bundle's text for {@code key} in the request's language, if the bundle has one. */
        default Optional<String> text(Context ctx, String key) { return Optional.empty(); }
    }

    public void register(RoutesConfig routes) {
        // Invalid input carries codes and figures only; its sentence is written here, in the request's language.
        routes.exception(InvalidInput.class, (e, ctx) -> problem(ctx, 400, e.code(),
                FieldErrorTexts.summary(e.details(), RequestLanguage.of(ctx)), e.details()));
        routes.exception(DomainException.class, (e, ctx) -> {
            Optional<String> forPeople = e instanceof Unavailable ? userText(ctx, "error.unavailable." + e.code()) : Optional.empty();
            if (forPeople.isPresent()) {
                // The server's own account (which URL, which setting) is for operators: the log and /health have it.
                LOG.warn("{} {} answered 503 {}: {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
                problem(ctx, 503, e.code(), forPeople.get(), e.details());
            } else {
                // A code the bundles word reads in the person's language; the server's own text is logged. The exception's
                // class narrows a code shared by contexts (error.code.not_found.TestCaseNotFound before error.code.not_found).
                String key = "error.code." + e.code();
                Optional<String> worded = e instanceof InvalidInput ? Optional.empty()
                        : userText(ctx, key + "." + e.getClass().getSimpleName()).or(() -> userText(ctx, key));
                if (worded.isPresent()) LOG.debug("{} {} answered {}: {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
                problem(ctx, status(e), e.code(), worded.orElse(e.getMessage()), e.details());
            }
        });
        routes.exception(LlmRoutes.LimitExceeded.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            problem(ctx, e.status(), e.code(), EdgeTexts.text(RequestLanguage.of(ctx), "edge.limit." + e.code(), e.figures()), List.of());
        });
        // Refusals at the edge are worded from the edge bundles; which check failed is the operators' (logged).
        routes.exception(Unauthenticated.class, (e, ctx) -> unauthenticated(ctx, e));
        // A page without a session goes to sign in (AUTH_MODE=oidc); the API still answers 401.
        routes.exception(SignInRequired.class, (e, ctx) -> {
            if (isApi(ctx) || !"GET".equals(ctx.method().name())) unauthenticated(ctx, e);
            else ctx.redirect(e.loginPath());
        });
        routes.exception(CrossOriginProtection.Forbidden.class, (e, ctx) -> {
            LOG.info("{} {} refused 403 {}: {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
            problem(ctx, 403, e.code(), EdgeTexts.text(RequestLanguage.of(ctx), "edge.forbidden." + e.code()), List.of());
        });
        routes.exception(BadRequest.class, (e, ctx) -> problem(ctx, 400, e.code(), e.describedByDetails()
                ? FieldErrorTexts.summary(e.details(), RequestLanguage.of(ctx)) : e.getMessage(), e.details()));
        routes.exception(UnsupportedMediaType.class, (e, ctx) -> problem(ctx, 415, "unsupported_media_type", e.getMessage(),
                List.of(FieldError.of("Content-Type", Validation.WRONG_TYPE, "json_body"))));
        routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), codeFor(e.getStatus()),
                messageFor(ctx, e.getStatus(), e.getMessage()), List.of()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "internal_error", EdgeTexts.text(RequestLanguage.of(ctx), "edge.internal", RequestIds.of(ctx)), List.of());
        });
        for (int status : new int[] {400, 404, 405, 413, 414, 415, 431, 500, 503}) {
            routes.error(status, ctx -> {
                if (Boolean.TRUE.equals(ctx.attribute(WRITTEN))) return;
                problem(ctx, status, codeFor(status), pages == null && status == 404
                        ? EdgeTexts.text(RequestLanguage.of(ctx), "edge.operationsOnly") : messageFor(ctx, status, null), List.of());
            });
        }
    }

    /**
     * What a person reads for an unavailable service whose code the bundles word for them (a model that cannot be
     * reached, say): the server's message then goes to the log only.
     */
    private Optional<String> userText(Context ctx, String key) {
        return pages == null ? Optional.empty() : pages.text(ctx, key);
    }

    private void unauthenticated(Context ctx, Unauthenticated e) {
        LOG.info("{} {} refused 401 ({}): {}", ctx.method(), ctx.path(), e.reason(), e.getMessage());
        problem(ctx, 401, "unauthenticated", EdgeTexts.text(RequestLanguage.of(ctx), "edge.unauthenticated." + e.reason()), List.of());
    }

    /** For a handler whose own 4xx/5xx answer is the answer (a health report saying "down"): keep its body. */
    public static void keepBody(Context ctx) { ctx.attribute(WRITTEN, true); }

    public void problem(Context ctx, int status, String code, String message, List<FieldError> details) {
        ctx.attribute(WRITTEN, true);
        ctx.status(status);
        if (status == 503 && ctx.res().getHeader("Retry-After") == null) ctx.header("Retry-After", "5");
        if (pages == null || isApi(ctx)) {
            ctx.json(ErrorBody.of(code, message, details, RequestLanguage.of(ctx)));
        } else {
            pages.render(ctx, status, message);
        }
    }

    static boolean isApi(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/health") || path.equals("/metrics");
    }

    private static int status(DomainException e) {
        return switch (e) {
            case NotFound ignored -> 404;
            case InvalidInput ignored -> 400;
            case RuleViolated ignored -> 422;
            case Conflict ignored -> 409;
            case Unavailable ignored -> 503;
        };
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthenticated";
            case 429 -> "rate_limited";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : HttpStatus.forStatus(status).name().toLowerCase(Locale.ROOT);
        };
    }

    private static String messageFor(Context ctx, int status, String given) {
        Language language = RequestLanguage.of(ctx);
        return switch (status) {
            case 404 -> EdgeTexts.text(language, "edge.notFound");
            case 405 -> EdgeTexts.text(language, "edge.methodNotAllowed");
            case 413 -> EdgeTexts.text(language, "edge.bodyTooLarge", HttpServer.MAX_BODY_BYTES / 1024);
            case 415 -> EdgeTexts.text(language, "edge.notJson", Optional.ofNullable(ctx.header("Content-Type")).orElse("none"));
            default -> EdgeTexts.find(language, "edge.status." + status)
                    .orElseGet(() -> given != null && !given.isBlank() ? given : EdgeTexts.text(language, "edge.status.other", status));
        };
    }
}
