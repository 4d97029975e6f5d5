package dev.concierge.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.domain.kernel.Language;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (a NUL or an ambiguous encoding in the path, a
 * malformed request line): the same error body as every other error for the API, a plain page elsewhere, never
 * Jetty's own page with its version and the raw request.
 */
final class JettyErrors extends ErrorHandler {
    private final ObjectMapper mapper;
    private final Duration bodyDeadline;

    JettyErrors(ObjectMapper mapper, Duration bodyDeadline) {
        this.mapper = mapper;
        this.bodyDeadline = bodyDeadline;
    }

    @Override protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                              Callback callback) throws JsonProcessingException {
        // The raw path: the decoded one is what Jetty may have refused to produce.
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPathQuery();
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        // A browser asks for HTML; anything else (and anything under the API paths) gets the API's error body.
        boolean api = path == null || path.startsWith("/api") || path.startsWith("/health") || path.startsWith("/metrics")
                || accept == null || !accept.contains("text/html");
        Language language = language(request);
        String code = status == 400 ? "invalid_request" : "http_" + status;
        String text = status == 400 ? EdgeTexts.text(language, "edge.malformedPath") : statusText(language, status);
        // The body reader's refusals (BodyFirstHandler) say what was wrong with the body.
        if (BodyFirstHandler.TIMEOUT_REASON.equals(message)) {
            code = "request_timeout";
            text = EdgeTexts.text(language, "edge.bodyTimeout", bodyDeadline.toSeconds());
        } else if (BodyFirstHandler.TOO_LARGE_REASON.equals(message)) {
            code = "payload_too_large";
            text = EdgeTexts.text(language, "edge.bodyTooLarge", HttpServer.MAX_BODY_BYTES / 1024);
        } else if (BodyFirstHandler.BROKEN_REASON.equals(message)) {
            code = "invalid_request";
            text = EdgeTexts.text(language, "edge.bodyBroken");
        }
        byte[] body;
        if (api) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            body = mapper.writeValueAsBytes(ErrorBody.of(code, text, List.of()));
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            // Bundle texts only: nothing from the request is echoed into the page.
            body = ("<!doctype html><html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Concierge</title></head>"
                    + "<body><h1>Concierge</h1><p>" + text + "</p><p><a href=\"/\">" + EdgeTexts.text(language, "edge.home")
                    + "</a></p></body></html>").getBytes(StandardCharsets.UTF_8);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // Jetty may close the connection after refusing a request whose body it never read; saying so keeps a
        // client from sending its next request on a connection that is about to close.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * A request Jetty could not even parse (bad request line, oversized headers): the path is unknown, so JSON, and no
     * header was read, so English.
     */
    @Override public ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        try {
            return ByteBuffer.wrap(mapper.writeValueAsBytes(ErrorBody.of(status == 431 ? "headers_too_large" : "invalid_request",
                    statusText(Language.EN, status), List.of())));
        } catch (JsonProcessingException e) {
            return super.badMessageError(status, reason, fields);
        }
    }

    /**
     * As pages choose it ({@link RequestLanguage}): the {@code lang} cookie, else Accept-Language (the query may be what
     * was refused). A request Jetty could not read arrives without headers, and so in English.
     */
    private static Language language(Request request) {
        String remembered = Request.getCookies(request).stream().filter(c -> RequestLanguage.COOKIE.equals(c.getName()))
                .map(HttpCookie::getValue).findFirst().orElse(null);
        return RequestLanguage.of(null, remembered, request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
    }

    private static String statusText(Language language, int status) {
        return EdgeTexts.find(language, "edge.status." + status).orElseGet(() -> EdgeTexts.text(language, "edge.status.other", status));
    }
}
