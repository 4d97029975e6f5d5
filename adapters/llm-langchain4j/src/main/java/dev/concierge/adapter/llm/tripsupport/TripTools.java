package dev.concierge.adapter.llm.tripsupport;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.domain.kernel.DomainException;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.out.TripAssistant.Toolbox;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The trip tools the model may call, described by hand (so parameter names never depend on compiler flags) and run
 * against the {@link Toolbox} of the turn. Nothing here throws at the model: a bad argument, a refused change or an
 * unknown tool name becomes a result text the model can read and correct.
 */
final class TripTools {
    static final String READ_TRIP = "read_trip";
    static final String RECOMPUTE_ESTIMATE = "recompute_estimate";
    static final String PROPOSE_ADD_VISIT = "propose_add_visit";
    static final String PROPOSE_MOVE_VISIT = "propose_move_visit";
    static final String PROPOSE_ITINERARY_DRAFT = "propose_itinerary_draft";
    static final String PROPOSE_PREPARATION_NOTES = "propose_preparation_notes";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(TripTools.class);
    private static final JsonObjectSchema NO_PARAMETERS = JsonObjectSchema.builder().build();

    static final List<ToolSpecification> SPECIFICATIONS = List.of(
            tool(READ_TRIP, "Read the trip as stored now: its details and status, every customer visit with its visitId, "
                    + "the itinerary and the expense estimate.", NO_PARAMETERS),
            tool(RECOMPUTE_ESTIMATE, "Compute the expense estimate under the travel policy again and return its lines, "
                    + "total and policy violations. Read-only.", NO_PARAMETERS),
            tool(PROPOSE_ADD_VISIT, "Propose adding a customer visit to the trip. Nothing changes until the user accepts "
                    + "the proposal.", JsonObjectSchema.builder()
                    .addProperty("company", JsonStringSchema.builder().description("Customer company name").build())
                    .addProperty("location", JsonStringSchema.builder().description("Address or city of the visit").build())
                    .addProperty("startsAt", JsonStringSchema.builder()
                            .description("Local date and time at the place, ISO 8601, e.g. 2026-12-01T10:00").build())
                    .addProperty("durationMinutes", JsonIntegerSchema.builder().description("Length of the visit in minutes (5 to 720)").build())
                    .addProperty("contacts", JsonArraySchema.builder().description("People to meet")
                            .items(JsonStringSchema.builder().build()).build())
                    .addProperty("agenda", JsonStringSchema.builder().description("What the meeting is about").build())
                    .addProperty("notes", JsonStringSchema.builder().description("Anything else worth noting").build())
                    .required("company", "location", "startsAt", "durationMinutes")
                    .build()),
            tool(PROPOSE_MOVE_VISIT, "Propose moving a customer visit to a new start time (same length). Nothing changes "
                    + "until the user accepts the proposal.", JsonObjectSchema.builder()
                    .addProperty("visitId", JsonIntegerSchema.builder().description("The visit's id, as read_trip lists it").build())
                    .addProperty("newStart", JsonStringSchema.builder()
                            .description("New local date and time at the place, ISO 8601, e.g. 2026-12-01T14:30").build())
                    .required("visitId", "newStart")
                    .build()),
            tool(PROPOSE_ITINERARY_DRAFT, "Propose a day-by-day itinerary drafted from the trip and its visits. The user "
                    + "reviews it before it replaces the current itinerary.", NO_PARAMETERS),
            tool(PROPOSE_PREPARATION_NOTES, "Propose meeting preparation notes for one customer visit. The user reviews "
                    + "them before they are saved.", JsonObjectSchema.builder()
                    .addProperty("visitId", JsonIntegerSchema.builder().description("The visit's id, as read_trip lists it").build())
                    .required("visitId")
                    .build()));

    private static final String NAMES = SPECIFICATIONS.stream().map(ToolSpecification::name).collect(Collectors.joining(", "));

    /** What running one call gave: the text the model reads, and whether the tool did its job. */
    record Outcome(String text, boolean ran) {}

    private final Map<String, Function<JsonNode, String>> tools;
    private final Language language;

    TripTools(Toolbox toolbox, Language language) {
        this.language = language;
        tools = Map.of(
                READ_TRIP, arguments -> toolbox.readTrip(),
                RECOMPUTE_ESTIMATE, arguments -> toolbox.recomputeEstimate(),
                PROPOSE_ADD_VISIT, arguments -> toolbox.proposeAddVisit(visit(arguments)),
                PROPOSE_MOVE_VISIT, arguments -> toolbox.proposeMoveVisit(visitId(arguments), dateTime(arguments, "newStart")),
                PROPOSE_ITINERARY_DRAFT, arguments -> toolbox.proposeItineraryDraft(),
                PROPOSE_PREPARATION_NOTES, arguments -> toolbox.proposePreparationNotes(visitId(arguments)));
    }

    Outcome run(ToolExecutionRequest call) {
        Function<JsonNode, String> tool = tools.get(call.name());
        boolean ja = language == Language.JA;
        if (tool == null) {
            return new Outcome((ja ? "ツール「" + call.name() + "」はありません。" : "")
                    + "There is no tool named '" + call.name() + "'. The tools are: " + NAMES + ".", false);
        }
        try {
            return new Outcome(tool.apply(arguments(call.arguments())), true);
        } catch (BadArguments e) {
            return new Outcome((ja ? "引数を使えませんでした。" : "") + "The arguments were not usable: " + e.getMessage()
                    + " Call " + call.name() + " again with corrected arguments.", false);
        } catch (DomainException e) {
            return new Outcome((ja ? "却下されました: " : "Refused: ") + e.getMessage() + details(e.details()), false);
        } catch (RuntimeException e) {
            log.warn("Tool {} failed", call.name(), e);
            return new Outcome(ja ? "ツール " + call.name() + " が予期せず失敗しました。今はできないとユーザーに伝えてください。"
                    : "The tool " + call.name() + " failed unexpectedly; tell the user it could not be done now.", false);
        }
    }

    private static ToolSpecification tool(String name, String description, JsonObjectSchema parameters) {
        return ToolSpecification.builder().name(name).description(description).parameters(parameters).build();
    }

    private static JsonNode arguments(String json) {
        if (json == null || json.isBlank()) return JSON.createObjectNode();
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isObject()) throw new BadArguments("they must be a JSON object.");
            return node;
        } catch (JacksonException e) {
            throw new BadArguments("they are not valid JSON.");
        }
    }

    private static VisitDetails visit(JsonNode arguments) {
        long minutes = wholeNumber(arguments.path("durationMinutes"), "durationMinutes must be a whole number of minutes.");
        List<String> contacts = new ArrayList<>();
        arguments.path("contacts").forEach(contact -> contacts.add(contact.asText()));
        return new VisitDetails(arguments.path("company").asText(""), contacts, arguments.path("location").asText(""),
                dateTime(arguments, "startsAt"), Duration.ofMinutes(minutes), arguments.path("agenda").asText(""),
                arguments.path("notes").asText(""));
    }

    private static VisitId visitId(JsonNode arguments) {
        long id = wholeNumber(arguments.path("visitId"), "visitId must be the positive whole number read_trip lists for the visit.");
        if (id < 1) throw new BadArguments("visitId must be the positive whole number read_trip lists for the visit.");
        return new VisitId(id);
    }

    /** Models write numbers as numbers or as quoted digits; both are accepted, nothing else. */
    private static long wholeNumber(JsonNode value, String problem) {
        if (value.isIntegralNumber() && value.canConvertToLong()) return value.asLong();
        String text = value.isTextual() ? value.asText().strip() : "";
        if (text.matches("\\d{1,15}")) return Long.parseLong(text);
        throw new BadArguments(problem);
    }

    /** Local time at the place; an offset, when a model adds one, is dropped rather than converted. */
    private static LocalDateTime dateTime(JsonNode arguments, String field) {
        String text = arguments.path(field).asText("").strip();
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(text).toLocalDateTime();
            } catch (DateTimeParseException e) {
                throw new BadArguments(field + " must be a local date and time like 2026-12-01T10:00, got '" + text + "'.");
            }
        }
    }

    private static String details(List<FieldError> details) {
        if (details.isEmpty()) return "";
        return " (" + details.stream().map(FieldError::toString).collect(Collectors.joining("; ")) + ")";
    }

    private static final class BadArguments extends RuntimeException {
        BadArguments(String message) { super(message, null, false, false); }
    }
}
