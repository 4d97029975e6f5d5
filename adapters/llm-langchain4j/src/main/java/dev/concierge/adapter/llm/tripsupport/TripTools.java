package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.out.TripAssistant.Toolbox;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.service.tool.ToolErrorContext;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The trip tools the model may call, each delegating to the turn's {@link Toolbox} (the domain's use cases, scoped to
 * the caller and the trip). Nothing here throws at the model: a bad argument, a refused change or an unknown tool
 * name becomes a result text the model can read and correct.
 */
final class TripTools {
    private static final Logger log = LoggerFactory.getLogger(TripTools.class);
    static final String NAMES = ToolSpecifications.toolSpecificationsFrom(TripTools.class).stream()
            .map(ToolSpecification::name).collect(Collectors.joining(", "));

    private final Toolbox toolbox;

    TripTools(Toolbox toolbox) { this.toolbox = toolbox; }

    @Tool(name = "read_trip", value = "Read the trip as stored now: its details and status, every customer visit with its "
            + "visitId, the itinerary and the expense estimate.")
    String readTrip() { return toolbox.readTrip(); }

    @Tool(name = "recompute_estimate", value = "Compute the expense estimate under the travel policy again and return its "
            + "lines, total and policy violations. Read-only.")
    String recomputeEstimate() { return toolbox.recomputeEstimate(); }

    @Tool(name = "propose_add_visit", value = "Propose adding a customer visit to the trip. Nothing changes until the user "
            + "accepts the proposal.")
    String proposeAddVisit(@P("Customer company name") String company,
                           @P("Address or city of the visit") String location,
                           @P("Local date and time at the place, ISO 8601, e.g. 2026-12-01T10:00") String startsAt,
                           @P("Length of the visit in minutes (5 to 720)") int durationMinutes,
                           @P(value = "People to meet", required = false) List<String> contacts,
                           @P(value = "What the meeting is about", required = false) String agenda,
                           @P(value = "Anything else worth noting", required = false) String notes) {
        return toolbox.proposeAddVisit(new VisitDetails(Objects.requireNonNullElse(company, ""),
                Objects.requireNonNullElse(contacts, List.of()), Objects.requireNonNullElse(location, ""),
                dateTime("startsAt", startsAt), Duration.ofMinutes(durationMinutes), Objects.requireNonNullElse(agenda, ""),
                Objects.requireNonNullElse(notes, "")));
    }

    @Tool(name = "propose_move_visit", value = "Propose moving a customer visit to a new start time (same length). Nothing "
            + "changes until the user accepts the proposal.")
    String proposeMoveVisit(@P("The visit's id, as read_trip lists it") long visitId,
                            @P("New local date and time at the place, ISO 8601, e.g. 2026-12-01T14:30") String newStart) {
        return toolbox.proposeMoveVisit(visitId(visitId), dateTime("newStart", newStart));
    }

    @Tool(name = "propose_itinerary_draft", value = "Propose a day-by-day itinerary drafted from the trip and its visits. "
            + "The user reviews it before it replaces the current itinerary.")
    String proposeItineraryDraft() { return toolbox.proposeItineraryDraft(); }

    @Tool(name = "propose_preparation_notes", value = "Propose meeting preparation notes for one customer visit. The user "
            + "reviews them before they are saved.")
    String proposePreparationNotes(@P("The visit's id, as read_trip lists it") long visitId) {
        return toolbox.proposePreparationNotes(visitId(visitId));
    }

    /** Arguments that do not fit the parameters' types. */
    static ToolErrorHandlerResult badArguments(Throwable error, ToolErrorContext context) {
        return ToolErrorHandlerResult.text("The arguments were not usable: " + error.getMessage() + " Call "
                + context.toolExecutionRequest().name() + " again with corrected arguments.");
    }

    /** A tool that threw: arguments our parsing refused, or a failure nobody expected. */
    static ToolErrorHandlerResult failed(Throwable error, ToolErrorContext context) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BadArguments bad) return badArguments(bad, context);
        }
        log.warn("Tool {} failed", context.toolExecutionRequest().name(), error);
        return ToolErrorHandlerResult.text("The tool " + context.toolExecutionRequest().name()
                + " failed unexpectedly; tell the user it could not be done now.");
    }

    static ToolExecutionResultMessage unknown(ToolExecutionRequest call) {
        return ToolExecutionResultMessage.from(call, "There is no tool named '" + call.name() + "'. The tools are: " + NAMES + ".");
    }

    private static VisitId visitId(long id) {
        if (id < 1) throw new BadArguments("visitId must be the positive whole number read_trip lists for the visit.");
        return new VisitId(id);
    }

    /** Local time at the place; an offset, when a model adds one, is dropped rather than converted. */
    private static LocalDateTime dateTime(String field, String value) {
        String text = value == null ? "" : value.strip();
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

    private static final class BadArguments extends RuntimeException {
        BadArguments(String message) { super(message, null, false, false); }
    }
}
