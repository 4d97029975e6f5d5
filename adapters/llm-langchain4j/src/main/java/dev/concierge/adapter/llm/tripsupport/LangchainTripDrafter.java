package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.adapter.llm.BoundedChatCall;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Drafts with a chat model in JSON-schema mode. The domain judges what a draft means (its itinerary rules, and the
 * repair rounds that feed them back); here a draft only has to be readable. An unusable draft is asked for again with its problems fed back, up to
 * {@code maxAttempts} calls in all; a failed call (unreachable, timed out, HTTP error) is not retried but reported as
 * {@link Unavailable} with what to do.
 */
final class LangchainTripDrafter implements TripDrafter {
    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(LangchainTripDrafter.class);

    private final ChatModel model;
    private final LlmConfig config;
    private final int maxAttempts;

    LangchainTripDrafter(ChatModel model, LlmConfig config, int maxAttempts) {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        this.model = Objects.requireNonNull(model, "model");
        this.config = Objects.requireNonNull(config, "config");
        this.maxAttempts = maxAttempts;
    }

    @Override public List<ItineraryItem> draftItinerary(TripDetails trip, List<CustomerVisit> visits, Language language) {
        return draft("itinerary", DraftSchemas.ITINERARY, language,
                List.of(SystemMessage.from(DraftPrompt.itinerarySystem(language)), UserMessage.from(DraftPrompt.itineraryRequest(trip, visits))),
                DraftReplies::itinerary);
    }

    /** The same conversation as the first draft, then the draft as the model's answer and the rules it breaks. */
    @Override public List<ItineraryItem> repairItinerary(TripDetails trip, List<CustomerVisit> visits, Language language,
                                                        List<ItineraryItem> previous, List<ItineraryViolation> violations) {
        return draft("itinerary repair", DraftSchemas.ITINERARY, language,
                List.of(SystemMessage.from(DraftPrompt.itinerarySystem(language)), UserMessage.from(DraftPrompt.itineraryRequest(trip, visits)),
                        AiMessage.from(ItineraryFeedback.draft(previous)), UserMessage.from(ItineraryFeedback.request(violations, language))),
                DraftReplies::itinerary);
    }

    @Override public String draftPreparationNotes(TripDetails trip, CustomerVisit visit, Language language) {
        return draft("preparation notes", DraftSchemas.PREPARATION_NOTES, language,
                List.of(SystemMessage.from(DraftPrompt.notesSystem(language)), UserMessage.from(DraftPrompt.notesRequest(trip, visit))),
                reply -> DraftReplies.preparationNotes(reply, visit, language));
    }

    private <T> T draft(String what, ResponseFormat format, Language language, List<ChatMessage> firstAttempt,
                        Function<String, DraftReplies.Judged<T>> judge) {
        List<ChatMessage> messages = firstAttempt;
        List<String> problems = List.of();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            String reply = call(messages, format);
            switch (judge.apply(reply)) {
                case DraftReplies.Judged.Usable<T> usable -> {
                    log.info("Drafted {} on attempt {}", what, attempt);
                    return usable.draft();
                }
                case DraftReplies.Judged.Unusable<T> unusable -> {
                    problems = unusable.problems();
                    log.warn("Attempt {}/{} returned unusable {}: {}", attempt, maxAttempts, what, String.join("; ", problems));
                    List<ChatMessage> retry = new ArrayList<>(firstAttempt);
                    retry.add(AiMessage.from(DraftPrompt.echoed(reply)));
                    retry.add(UserMessage.from(DraftPrompt.feedback(problems, language)));
                    messages = retry;
                }
            }
        }
        throw new Unavailable("llm_draft_unusable", "The model returned unusable " + what + " " + maxAttempts + " times ("
                + String.join("; ", problems.stream().limit(5).toList()) + ") — try again, or choose a more capable model with "
                + (config.provider() == LlmConfig.Provider.OLLAMA ? "OLLAMA_MODEL" : "OPENAI_MODEL") + ".");
    }

    private String call(List<ChatMessage> messages, ResponseFormat format) {
        ChatRequest request = ChatRequest.builder().messages(messages).responseFormat(format).build();
        return switch (BoundedChatCall.run(model, request, config, "llm-trip-draft-call")) {
            case BoundedChatCall.Ending.Answered answered -> answered.text();
            case BoundedChatCall.Ending.TimedOut timedOut ->
                    throw unavailable(ChatFailures.timedOut(config, ChatFailures.DRAFT_AGAIN).message(), null);
            case BoundedChatCall.Ending.Failed failed ->
                    throw unavailable(ChatFailures.of(failed.cause(), config, ChatFailures.DRAFT_AGAIN).message(), failed.cause());
            case BoundedChatCall.Ending.Interrupted interrupted -> throw new Unavailable("llm_unavailable",
                    "Drafting was interrupted before the model answered (the app may be stopping) — try again.");
        };
    }

    private Unavailable unavailable(String message, Throwable cause) {
        if (cause == null) log.warn("Draft call failed: {}", message);
        else log.warn("Draft call failed: {}", message, cause);
        return new Unavailable("llm_unavailable", message);
    }
}
