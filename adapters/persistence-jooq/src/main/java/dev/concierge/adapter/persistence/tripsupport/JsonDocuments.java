package dev.concierge.adapter.persistence.tripsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TransportClass;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import org.jooq.JSONB;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents trip support keeps as jsonb (expense plan, proposed change, tool calls), written and read field by
 * field so the stored shape is explicit and independent of the domain classes' names.
 */
final class JsonDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonDocuments() {}

    // ---- expense plan

    static JSONB plan(ExpensePlan plan) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode transport = root.putArray("transport");
        for (var leg : plan.transport()) {
            transport.addObject().put("from", leg.from()).put("to", leg.to()).put("date", leg.date().toString())
                    .put("travelClass", leg.travelClass().wireName()).put("fare", leg.fare());
        }
        ArrayNode lodging = root.putArray("lodging");
        for (var stay : plan.lodging()) {
            lodging.addObject().put("city", stay.city()).put("nights", stay.nights()).put("ratePerNight", stay.ratePerNight());
        }
        ArrayNode other = root.putArray("other");
        for (var cost : plan.other()) other.addObject().put("description", cost.description()).put("amount", cost.amount());
        return write(root);
    }

    static ExpensePlan plan(JSONB stored) {
        JsonNode root = read(stored);
        List<ExpensePlan.TransportLeg> transport = new ArrayList<>();
        for (JsonNode leg : root.path("transport")) {
            transport.add(new ExpensePlan.TransportLeg(leg.path("from").asText(), leg.path("to").asText(),
                    LocalDate.parse(leg.path("date").asText()), TransportClass.parse(leg.path("travelClass").asText()),
                    leg.path("fare").asLong()));
        }
        List<ExpensePlan.Lodging> lodging = new ArrayList<>();
        for (JsonNode stay : root.path("lodging")) {
            lodging.add(new ExpensePlan.Lodging(stay.path("city").asText(), stay.path("nights").asInt(), stay.path("ratePerNight").asLong()));
        }
        List<ExpensePlan.OtherCost> other = new ArrayList<>();
        for (JsonNode cost : root.path("other")) other.add(new ExpensePlan.OtherCost(cost.path("description").asText(), cost.path("amount").asLong()));
        return new ExpensePlan(transport, lodging, other);
    }

    // ---- proposed change

    static JSONB change(ProposedChange change) {
        ObjectNode root = JSON.createObjectNode();
        switch (change) {
            case ProposedChange.AddVisit add -> {
                root.put("type", "add-visit");
                visit(root.putObject("visit"), add.visit());
            }
            case ProposedChange.MoveVisit move -> root.put("type", "move-visit").put("visitId", move.visit().value())
                    .put("newStart", move.newStart().toString());
            case ProposedChange.ReplaceItinerary replace -> {
                root.put("type", "replace-itinerary").put("source", replace.itinerary().source().wireName());
                ArrayNode items = root.putArray("items");
                for (ItineraryItem item : replace.itinerary().items()) {
                    ObjectNode node = items.addObject().put("date", item.date().toString()).put("start", item.start().toString());
                    item.end().ifPresent(end -> node.put("end", end.toString()));
                    node.put("kind", item.kind().wireName()).put("title", item.title()).put("place", item.place()).put("notes", item.notes());
                }
            }
            case ProposedChange.SetPreparationNotes notes -> root.put("type", "set-preparation-notes")
                    .put("visitId", notes.visit().value()).put("notes", notes.notes());
        }
        return write(root);
    }

    static ProposedChange change(JSONB stored) {
        JsonNode root = read(stored);
        return switch (root.path("type").asText()) {
            case "add-visit" -> new ProposedChange.AddVisit(visit(root.path("visit")));
            case "move-visit" -> new ProposedChange.MoveVisit(new VisitId(root.path("visitId").asLong()),
                    LocalDateTime.parse(root.path("newStart").asText()));
            case "replace-itinerary" -> {
                List<ItineraryItem> items = new ArrayList<>();
                for (JsonNode item : root.path("items")) {
                    items.add(new ItineraryItem(LocalDate.parse(item.path("date").asText()), LocalTime.parse(item.path("start").asText()),
                            item.hasNonNull("end") ? Optional.of(LocalTime.parse(item.path("end").asText())) : Optional.empty(),
                            ItineraryKind.parse(item.path("kind").asText()), item.path("title").asText(),
                            item.path("place").asText(), item.path("notes").asText()));
                }
                yield new ProposedChange.ReplaceItinerary(new Itinerary(items, source(root.path("source").asText())));
            }
            case "set-preparation-notes" -> new ProposedChange.SetPreparationNotes(new VisitId(root.path("visitId").asLong()),
                    root.path("notes").asText());
            default -> throw new IllegalStateException("unknown proposed change in the database: " + root.path("type").asText());
        };
    }

    private static void visit(ObjectNode node, VisitDetails visit) {
        node.put("company", visit.company());
        ArrayNode contacts = node.putArray("contacts");
        visit.contacts().forEach(contacts::add);
        node.put("location", visit.location()).put("startsAt", visit.startsAt().toString())
                .put("durationMinutes", visit.duration().toMinutes()).put("agenda", visit.agenda()).put("notes", visit.notes());
    }

    private static VisitDetails visit(JsonNode node) {
        List<String> contacts = new ArrayList<>();
        node.path("contacts").forEach(c -> contacts.add(c.asText()));
        return new VisitDetails(node.path("company").asText(), contacts, node.path("location").asText(),
                LocalDateTime.parse(node.path("startsAt").asText()), Duration.ofMinutes(node.path("durationMinutes").asLong()),
                node.path("agenda").asText(), node.path("notes").asText());
    }

    private static Itinerary.Source source(String wireName) {
        for (Itinerary.Source source : Itinerary.Source.values()) if (source.wireName().equals(wireName)) return source;
        return Itinerary.Source.ASSISTANT_DRAFT;
    }

    // ---- tool calls

    static JSONB toolCalls(List<StoredMessage.ToolCall> calls) {
        ArrayNode array = JSON.createArrayNode();
        for (var call : calls) array.addObject().put("id", call.id()).put("name", call.name()).put("arguments", call.argumentsJson());
        return write(array);
    }

    static List<StoredMessage.ToolCall> toolCalls(JSONB stored) {
        List<StoredMessage.ToolCall> calls = new ArrayList<>();
        for (JsonNode call : read(stored)) {
            calls.add(new StoredMessage.ToolCall(call.path("id").asText(), call.path("name").asText(), call.path("arguments").asText()));
        }
        return calls;
    }

    /** {@code {"code","args":{}}}, or NULL for a message without one. */
    static JSONB toolOutcome(Optional<StoredMessage.ToolOutcome> outcome) {
        return outcome.map(o -> {
            ObjectNode node = JSON.createObjectNode().put("code", o.code());
            ObjectNode args = node.putObject("args");
            o.args().forEach(args::put);
            return write(node);
        }).orElse(null);
    }

    static Optional<StoredMessage.ToolOutcome> toolOutcome(JSONB stored) {
        if (stored == null) return Optional.empty();
        JsonNode node = read(stored);
        Map<String, String> args = new LinkedHashMap<>();
        node.path("args").properties().forEach(e -> args.put(e.getKey(), e.getValue().asText()));
        return Optional.of(new StoredMessage.ToolOutcome(node.path("code").asText(), args));
    }

    private static JSONB write(JsonNode node) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a JSON document", e);
        }
    }

    private static JsonNode read(JSONB stored) {
        try {
            return JSON.readTree(stored.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON document is not valid JSON", e);
        }
    }
}
