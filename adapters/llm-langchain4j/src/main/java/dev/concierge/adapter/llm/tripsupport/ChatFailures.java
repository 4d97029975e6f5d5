package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmFailure;

import java.time.Duration;

/**
 * {@link LlmFailure}'s account of a failed call, reworded where it speaks of background jobs: a chat turn is not
 * retried later, the person asks again ({@code again} says how).
 */
final class ChatFailures {
    private ChatFailures() {}

    static final String CHAT_AGAIN = "send your message again";
    static final String DRAFT_AGAIN = "ask for the draft again";

    /** A chat turn's failure: a rejected request there means the model cannot call tools, not that it lacks JSON output. */
    static LlmFailure ofChat(Throwable failure, LlmConfig config) {
        LlmFailure mapped = of(failure, config, CHAT_AGAIN);
        return mapped.kind() != LlmFailure.Kind.REQUEST_REJECTED ? mapped
                : new LlmFailure(mapped.kind(), mapped.message().replace("may not support JSON-schema output", "may not support tool calling"));
    }

    static LlmFailure of(Throwable failure, LlmConfig config, String again) {
        LlmFailure mapped = LlmFailure.of(failure, config);
        return switch (mapped.kind()) {
            case TIMED_OUT -> timedOut(config, again);
            case SERVER_ERROR -> new LlmFailure(mapped.kind(), mapped.message().replace("; generation is retried later", "")
                    .replaceFirst("\\.$", "") + ", then " + again + ".");
            default -> mapped;
        };
    }

    static LlmFailure timedOut(LlmConfig config, String again) {
        return new LlmFailure(LlmFailure.Kind.TIMED_OUT, "The LLM at " + config.baseUrl() + " did not answer within "
                + readable(config.requestTimeout()) + " — it may be overloaded or still loading the model '" + config.model()
                + "'; " + again + ", or raise LLM_TIMEOUT_SECONDS.");
    }

    static String interrupted() {
        return "The answer was interrupted before the model finished (the app may be stopping) — send your message again.";
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
