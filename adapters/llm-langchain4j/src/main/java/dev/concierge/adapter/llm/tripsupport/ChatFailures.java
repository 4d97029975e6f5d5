package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmFailure;
import dev.langchain4j.exception.HttpException;

import java.time.Duration;

/**
 * {@link LlmFailure}'s account of a failed call, reworded where it speaks of background jobs or of JSON output: a chat
 * turn or a draft is not retried later, the person asks again ({@code again} says how).
 */
final class ChatFailures {
    static final String CHAT_AGAIN = "send your message again";
    static final String DRAFT_AGAIN = "ask for the draft again";
    private static final int MAX_DETAIL = 300;

    private ChatFailures() {}

    /** A chat turn's failure: a rejected request there means the model cannot call tools, not that it lacks JSON output. */
    static LlmFailure ofChat(Throwable failure, LlmConfig config) {
        LlmFailure mapped = of(failure, config, CHAT_AGAIN);
        if (mapped.kind() != LlmFailure.Kind.REQUEST_REJECTED) return mapped;
        return new LlmFailure(mapped.kind(), "The LLM at " + config.baseUrl() + " rejected the request" + http(failure)
                + " — the model '" + config.model() + "' may not support tool calling; choose another with " + modelSetting(config) + ".");
    }

    static LlmFailure of(Throwable failure, LlmConfig config, String again) {
        LlmFailure mapped = LlmFailure.of(failure, config);
        return switch (mapped.kind()) {
            case TIMED_OUT -> timedOut(config, again);
            case SERVER_ERROR -> new LlmFailure(mapped.kind(), "The LLM at " + config.baseUrl() + " failed" + http(failure)
                    + " — check the model server's log, then " + again + ".");
            default -> mapped;
        };
    }

    static LlmFailure timedOut(LlmConfig config, String again) {
        return new LlmFailure(LlmFailure.Kind.TIMED_OUT, "The LLM at " + config.baseUrl() + " did not answer within "
                + readable(config.requestTimeout()) + " — it may be overloaded or still loading the model '" + config.model()
                + "'; " + again + ", or raise LLM_TIMEOUT_SECONDS.");
    }

    /** " with HTTP 500 (what the server said)", or nothing when the failure carries no HTTP status. */
    private static String http(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                String detail = http.getMessage() == null ? "" : http.getMessage().strip().replaceAll("\\s+", " ");
                if (detail.length() > MAX_DETAIL) detail = detail.substring(0, MAX_DETAIL) + "…";
                return " with HTTP " + http.statusCode() + (detail.isEmpty() ? "" : " (" + detail + ")");
            }
        }
        return "";
    }

    private static String modelSetting(LlmConfig config) {
        return config.provider() == LlmConfig.Provider.OLLAMA ? "OLLAMA_MODEL" : "OPENAI_MODEL";
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
