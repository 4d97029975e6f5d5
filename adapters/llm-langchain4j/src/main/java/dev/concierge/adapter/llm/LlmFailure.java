package dev.concierge.adapter.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

/**
 * Why a model call failed, in words a person can act on: what happened, at which URL, and which setting to change.
 * Built from what langchain4j 1.18.1 actually throws: its typed exceptions for HTTP statuses and timeouts, and a
 * plain {@code RuntimeException} wrapping the JDK's {@code ConnectException} when nothing listens.
 */
public record LlmFailure(Kind kind, String message) {

    public enum Kind { UNREACHABLE, TIMED_OUT, MODEL_MISSING, CREDENTIALS_REFUSED, RATE_LIMITED, SERVER_ERROR, REQUEST_REJECTED, OTHER }

    private static final int MAX_DETAIL = 300;

    public static LlmFailure of(Throwable failure, LlmConfig config) {
        String at = " at " + config.baseUrl();
        HttpException http = causeOf(failure, HttpException.class);
        if (failure instanceof ModelNotFoundException || http != null && http.statusCode() == 404) {
            return modelMissingOrWrongUrl(http, config);
        }
        if (failure instanceof UnresolvedModelServerException || isUnreachable(failure)) {
            return new LlmFailure(Kind.UNREACHABLE, "No LLM reachable at " + config.baseUrl() + " — " + config.whatToDo() + ".");
        }
        if (failure instanceof TimeoutException || causeOf(failure, HttpTimeoutException.class) != null
                || causeOf(failure, SocketTimeoutException.class) != null) {
            return timedOut(config);
        }
        if (failure instanceof AuthenticationException) {
            return new LlmFailure(Kind.CREDENTIALS_REFUSED, "The LLM" + at + " refused the credentials — check OPENAI_API_KEY.");
        }
        if (failure instanceof RateLimitException) {
            return new LlmFailure(Kind.RATE_LIMITED, "The LLM" + at + " is rate limiting requests — wait and retry, or raise the account's limits.");
        }
        if (failure instanceof InternalServerException) {
            return new LlmFailure(Kind.SERVER_ERROR, "The LLM" + at + " failed with HTTP " + status(http) + detail(http)
                    + " — check the model server's log.");
        }
        if (failure instanceof InvalidRequestException) {
            return new LlmFailure(Kind.REQUEST_REJECTED, "The LLM" + at + " rejected the request with HTTP " + status(http) + detail(http)
                    + " — the model '" + config.model() + "' may not support JSON-schema output; choose another with "
                    + modelSetting(config) + ".");
        }
        return new LlmFailure(Kind.OTHER, "The call to the LLM" + at + " failed: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " " + shorten(failure.getMessage())) + " — " + config.whatToDo() + ".");
    }

    public static LlmFailure timedOut(LlmConfig config) {
        return new LlmFailure(Kind.TIMED_OUT, "The LLM at " + config.baseUrl() + " did not answer within "
                + readable(config.requestTimeout()) + " — it may be overloaded or still loading the model '" + config.model()
                + "'; if it is just slow, raise LLM_TIMEOUT_SECONDS.");
    }

    private static LlmFailure modelMissingOrWrongUrl(HttpException http, LlmConfig config) {
        String body = http == null ? "" : http.getMessage() == null ? "" : http.getMessage();
        // A 404 that does not talk about a model is a wrong base URL (e.g. an OpenAI URL without /v1), not a missing model.
        if (http != null && !body.toLowerCase(Locale.ROOT).contains("model")) {
            return new LlmFailure(Kind.UNREACHABLE, "The server at " + config.baseUrl() + " answered 404 Not Found — it does not look like "
                    + (config.provider() == LlmConfig.Provider.OLLAMA ? "Ollama; check OLLAMA_BASE_URL" : "an OpenAI-compatible API; check OPENAI_BASE_URL (it usually ends in /v1)")
                    + ".");
        }
        String message = config.provider() == LlmConfig.Provider.OLLAMA
                ? "The model '" + config.model() + "' is not installed on the Ollama server at " + config.baseUrl()
                  + " — run `ollama pull " + config.model() + "` there or set OLLAMA_MODEL."
                : "The model '" + config.model() + "' does not exist at " + config.baseUrl()
                  + " — set OPENAI_MODEL to a model that server offers.";
        return new LlmFailure(Kind.MODEL_MISSING, message);
    }

    private static boolean isUnreachable(Throwable failure) {
        return causeOf(failure, ConnectException.class) != null
                || causeOf(failure, HttpConnectTimeoutException.class) != null
                || causeOf(failure, UnknownHostException.class) != null
                || causeOf(failure, NoRouteToHostException.class) != null
                || causeOf(failure, UnresolvedAddressException.class) != null
                || causeOf(failure, ClosedChannelException.class) != null;
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    private static String status(HttpException http) { return http == null ? "?" : String.valueOf(http.statusCode()); }

    private static String detail(HttpException http) {
        return http == null || http.getMessage() == null || http.getMessage().isBlank() ? "" : " (" + shorten(http.getMessage()) + ")";
    }

    private static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
    }

    private static String modelSetting(LlmConfig config) {
        return config.provider() == LlmConfig.Provider.OLLAMA ? "OLLAMA_MODEL" : "OPENAI_MODEL";
    }

    static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
