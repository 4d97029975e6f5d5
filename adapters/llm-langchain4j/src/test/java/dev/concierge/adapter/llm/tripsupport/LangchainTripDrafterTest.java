package dev.concierge.adapter.llm.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmConfig.Provider;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.adapter.llm.LlmWireFixture.Malformation;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.ItineraryRules;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Drafts in JSON-schema mode against each provider's wire protocol: unreadable replies are retried here with feedback,
 * and a repair round carries the domain's violations back to the model.
 */
class LangchainTripDrafterTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final TripDetails TRIP = new TripDetails("Osaka sales", "Renew the Kansai Steel contract", "Tokyo",
            List.of("Osaka"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
    private static final CustomerVisit VISIT = new CustomerVisit(new VisitId(7), new TripId(1), new VisitDetails("Kansai Steel",
            List.of("Ms Tanaka"), "Osaka, Umeda", LocalDateTime.of(2026, 12, 1, 14, 0), Duration.ofMinutes(90), "Contract renewal", ""),
            Optional.empty(), 1);
    private static final String GOOD_ITINERARY = """
            {"items":[
              {"date":"2026-12-01","start":"08:00","end":"10:30","kind":"transport","title":"Shinkansen Nozomi to Shin-Osaka","place":"Tokyo Station","notes":""},
              {"date":"2026-12-01","start":"14:00","end":"15:30","kind":"meeting","title":"Kansai Steel","place":"Osaka, Umeda","notes":"Contract renewal"},
              {"date":"2026-12-01","start":"19:00","end":"08:00","kind":"hotel","title":"Hotel Umeda","place":"Umeda","notes":""},
              {"date":"2026-12-02","start":"10:00","end":"","kind":"transport","title":"Back to Tokyo","place":"Shin-Osaka","notes":""}]}""";

    private final LlmWireFixture llm = LlmWireFixture.start();

    @AfterEach void stop() { llm.close(); }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_usable_itinerary_becomes_the_draft_in_one_call(Provider provider) {
        llm.enqueue(Answer.content(GOOD_ITINERARY));

        List<ItineraryItem> items = drafter(provider).draftItinerary(TRIP, List.of(VISIT), Language.EN);

        assertThat(items).extracting(ItineraryItem::kind).containsExactly(ItineraryKind.TRANSPORT, ItineraryKind.MEETING,
                ItineraryKind.HOTEL, ItineraryKind.TRANSPORT);
        assertThat(items.get(1).start()).isEqualTo(LocalTime.of(14, 0));
        assertThat(items.get(3).end()).isEmpty();
        assertThat(llm.chatRequests()).hasSize(1);
        String prompt = llm.chatRequests().getFirst().json().path("messages").toString();
        assertThat(prompt).contains("Osaka sales", "2026-12-01 to 2026-12-02", "Kansai Steel at Osaka, Umeda, 2026-12-01 14:00–15:30", "in English");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void the_request_carries_the_itinerary_schema_in_the_providers_structured_output_field(Provider provider) {
        llm.enqueue(Answer.content(GOOD_ITINERARY));

        drafter(provider).draftItinerary(TRIP, List.of(VISIT), Language.EN);

        JsonNode body = llm.chatRequests().getFirst().json();
        JsonNode schema = provider == Provider.OLLAMA ? body.path("format") : body.at("/response_format/json_schema/schema");
        assertThat(schema.at("/properties/items/items/required").toString()).contains("date", "start", "end", "kind", "title");
        assertThat(schema.at("/properties/items/items/properties/kind/enum").toString()).contains("free-time");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void an_itinerary_outside_the_trip_is_readable_so_it_is_the_domains_to_judge_not_retried_here(Provider provider) {
        llm.enqueue(Answer.content(GOOD_ITINERARY.replace("2026-12-02", "2026-12-05")));

        List<ItineraryItem> items = drafter(provider).draftItinerary(TRIP, List.of(VISIT), Language.EN);

        assertThat(items).extracting(ItineraryItem::date).contains(LocalDate.of(2026, 12, 5));
        assertThat(llm.chatRequests()).hasSize(1);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_repair_shows_the_model_its_draft_and_each_violated_rule_with_its_code_and_reason(Provider provider) {
        llm.enqueue(Answer.content(GOOD_ITINERARY));
        List<ItineraryItem> previous = List.of(new ItineraryItem(LocalDate.of(2026, 12, 1), LocalTime.of(8, 0), Optional.empty(),
                ItineraryKind.TRANSPORT, "Nozomi", "Tokyo Station", ""));
        List<ItineraryViolation> violations = List.of(
                new ItineraryViolation(ItineraryRules.VISIT_MISSING, -1, Optional.of(VISIT.id()), List.of("Kansai Steel", LocalDate.of(2026, 12, 1), LocalTime.of(14, 0))),
                new ItineraryViolation(ItineraryRules.NIGHT_WITHOUT_HOTEL, -1, Optional.empty(), List.of(LocalDate.of(2026, 12, 1))));

        List<ItineraryItem> repaired = drafter(provider).repairItinerary(TRIP, List.of(VISIT), Language.EN, previous, violations);

        assertThat(repaired).hasSize(4);
        JsonNode messages = llm.chatRequests().getFirst().json().path("messages");
        assertThat(messages.get(messages.size() - 2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(messages.size() - 2).path("content").asText())
                .contains("\"date\":\"2026-12-01\"", "\"start\":\"08:00\"", "\"kind\":\"transport\"", "Nozomi");
        assertThat(lastUserMessage(0)).contains(
                "visit_missing: the customer visit to Kansai Steel on 2026-12-01 at 14:00 has no \"meeting\" item starting exactly then",
                "night_without_hotel: the night of 2026-12-01 has no \"hotel\" item");
        assertThat(messages.toString()).contains("Kansai Steel at Osaka, Umeda, 2026-12-01 14:00–15:30"); // the request again
        JsonNode body = llm.chatRequests().getFirst().json();
        assertThat(provider == Provider.OLLAMA ? body.path("format") : body.at("/response_format/json_schema/schema")).isNotEmpty();
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_japanese_repair_words_the_reasons_in_japanese(Provider provider) {
        llm.enqueue(Answer.content(GOOD_ITINERARY));
        List<ItineraryViolation> violations = List.of(new ItineraryViolation(ItineraryRules.OVERLAPS_VISIT, 0, Optional.of(VISIT.id()),
                List.of("昼食", "Kansai Steel", LocalTime.of(14, 0), LocalTime.of(15, 30))));

        drafter(provider).repairItinerary(TRIP, List.of(VISIT), Language.JA, List.of(), violations);

        assertThat(lastUserMessage(0)).contains("overlaps_visit: items[0]「昼食」が Kansai Steel への訪問（14:00〜15:30）と重なっています")
                .contains("答え直してください");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_truncated_reply_and_a_bad_time_are_named_in_the_feedback(Provider provider) {
        llm.enqueue(Answer.content(GOOD_ITINERARY.substring(0, 80)), Answer.content(GOOD_ITINERARY.replace("\"14:00\"", "\"2pm\"")),
                Answer.content(GOOD_ITINERARY));

        assertThat(drafter(provider).draftItinerary(TRIP, List.of(VISIT), Language.EN)).hasSize(4);

        assertThat(lastUserMessage(1)).contains("the reply is cut off");
        assertThat(lastUserMessage(2)).contains("items[1].start must be a time like 09:30, got '2pm'");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void unusable_drafts_stop_after_a_bounded_number_of_calls_with_what_to_do(Provider provider) {
        // sim-llm's own reply for this schema: "simulated date 1" is no date
        Unavailable failure = catchThrowableOfType(Unavailable.class, () -> drafter(provider).draftItinerary(TRIP, List.of(VISIT), Language.EN));

        assertThat(llm.chatRequests()).hasSize(LangchainTripDrafter.MAX_ATTEMPTS);
        assertThat(failure.code()).isEqualTo("llm_draft_unusable");
        assertThat(failure.getMessage()).startsWith("The model returned unusable itinerary 3 times (items[0].date must be a date")
                .endsWith("try again, or choose a more capable model with " + (provider == Provider.OLLAMA ? "OLLAMA_MODEL." : "OPENAI_MODEL."));
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void preparation_notes_are_written_from_the_structured_reply(Provider provider) {
        String notes = drafter(provider).draftPreparationNotes(TRIP, VISIT, Language.EN);

        assertThat(notes).startsWith("## Goals\n- simulated goals 1").contains("## Talking points\n- ", "## Questions to ask\n- ", "## To bring\n- ");
        assertThat(llm.chatRequests().getFirst().json().path("messages").toString()).contains("Kansai Steel", "Ms Tanaka", "Contract renewal");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void japanese_notes_get_japanese_headings_and_a_japanese_rule(Provider provider) {
        llm.enqueue(Answer.content("{\"goals\":[\"契約更新の合意\"],\"talkingPoints\":[],\"questions\":[\"来期の数量は？\"],\"bring\":[]}"));

        String notes = drafter(provider).draftPreparationNotes(TRIP, VISIT, Language.JA);

        assertThat(notes).isEqualTo("■ 目的\n- 契約更新の合意\n\n■ 確認したいこと\n- 来期の数量は？");
        assertThat(llm.chatRequests().getFirst().json().path("messages").toString()).contains("MUST be in Japanese");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void blank_notes_are_retried(Provider provider) {
        llm.enqueue(Answer.malformed(Malformation.BLANK));

        String notes = drafter(provider).draftPreparationNotes(TRIP, VISIT, Language.EN);

        assertThat(notes).startsWith("## Goals");
        assertThat(lastUserMessage(1)).contains("the notes are empty");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_server_error_is_unavailable_with_what_to_do(Provider provider) {
        llm.enqueue(Answer.httpError(500));

        Unavailable failure = catchThrowableOfType(Unavailable.class, () -> drafter(provider).draftPreparationNotes(TRIP, VISIT, Language.EN));

        assertThat(failure.code()).isEqualTo("llm_unavailable");
        assertThat(failure.getMessage()).contains("failed with HTTP 500").endsWith("then ask for the draft again.");
        assertThat(llm.chatRequests()).hasSize(1);
    }

    private String lastUserMessage(int request) {
        JsonNode messages = llm.chatRequests().get(request).json().path("messages");
        return messages.get(messages.size() - 1).path("content").asText();
    }

    private LangchainTripDrafter drafter(Provider provider) {
        LlmConfig config = llm.config(provider, provider == Provider.OLLAMA ? "llama3.2" : "gpt-4o-mini", TIMEOUT);
        return new LangchainTripDrafter(TripChatModels.forConfig(config).structured(), config, LangchainTripDrafter.MAX_ATTEMPTS);
    }
}
