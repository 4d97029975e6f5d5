package dev.concierge.adapter.persistence.tripsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Phrase;
import dev.concierge.domain.tripsupport.model.TransportClass;
import dev.concierge.domain.tripsupport.model.TripDetails;
import org.jooq.JSONB;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frozen parts of an approval request as jsonb: the trip as submitted, its estimate (lines, rules and violations with
 * their typed figures, so they are worded later in the reader's language) and the justifications.
 */
final class ApprovalDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApprovalDocuments() {}

    static JSONB trip(TripDetails details) {
        ObjectNode root = JSON.createObjectNode().put("title", details.title()).put("purpose", details.purpose()).put("origin", details.origin());
        ArrayNode destinations = root.putArray("destinations");
        details.destinations().forEach(destinations::add);
        root.put("startDate", details.startDate().toString()).put("endDate", details.endDate().toString());
        return write(root);
    }

    static TripDetails trip(JSONB stored) {
        JsonNode root = read(stored);
        List<String> destinations = new ArrayList<>();
        root.path("destinations").forEach(d -> destinations.add(d.asText()));
        return new TripDetails(root.path("title").asText(), root.path("purpose").asText(), root.path("origin").asText(), destinations,
                LocalDate.parse(root.path("startDate").asText()), LocalDate.parse(root.path("endDate").asText()));
    }

    static JSONB justifications(Map<String, String> justifications) {
        ObjectNode root = JSON.createObjectNode();
        justifications.forEach(root::put);
        return write(root);
    }

    static Map<String, String> justifications(JSONB stored) {
        Map<String, String> result = new LinkedHashMap<>();
        read(stored).properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    static JSONB estimate(ExpenseEstimate estimate) {
        ObjectNode root = JSON.createObjectNode().put("currency", estimate.currency()).put("total", estimate.total())
                .put("approvalRequired", estimate.approvalRequired()).put("approvalThreshold", estimate.approvalThreshold());
        ArrayNode lines = root.putArray("lines");
        for (ExpenseEstimate.Line line : estimate.lines()) {
            ObjectNode node = lines.addObject().put("category", line.category().name()).put("amount", line.amount());
            node.set("description", phrase(line.description()));
            node.set("rule", phrase(line.rule()));
            line.foreign().ifPresent(f -> node.putObject("foreign").put("amount", f.amount().amount()).put("currency", f.amount().currency())
                    .put("rate", f.rate().toPlainString()).put("rateSince", f.rateSince().toString()));
        }
        ArrayNode violations = root.putArray("violations");
        for (ExpenseEstimate.Violation violation : estimate.violations()) {
            ObjectNode node = violations.addObject().put("code", violation.code()).put("line", violation.line());
            node.set("rule", phrase(violation.rule()));
            node.set("args", args(violation.args()));
        }
        return write(root);
    }

    static ExpenseEstimate estimate(JSONB stored) {
        JsonNode root = read(stored);
        List<ExpenseEstimate.Line> lines = new ArrayList<>();
        for (JsonNode line : root.path("lines")) {
            JsonNode f = line.path("foreign");
            var foreign = f.isObject() ? java.util.Optional.of(new ExpenseEstimate.Foreign(new ExpenseEstimate.Money(f.path("amount").asLong(),
                    f.path("currency").asText()), new java.math.BigDecimal(f.path("rate").asText()), LocalDate.parse(f.path("rateSince").asText())))
                    : java.util.Optional.<ExpenseEstimate.Foreign>empty();
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.valueOf(line.path("category").asText()),
                    phrase(line.path("description")), line.path("amount").asLong(), phrase(line.path("rule")), foreign));
        }
        List<ExpenseEstimate.Violation> violations = new ArrayList<>();
        for (JsonNode v : root.path("violations")) {
            violations.add(new ExpenseEstimate.Violation(v.path("code").asText(), phrase(v.path("rule")), args(v.path("args")), v.path("line").asInt()));
        }
        return new ExpenseEstimate(root.path("currency").asText(), lines, root.path("total").asLong(), violations,
                root.path("approvalRequired").asBoolean(), root.path("approvalThreshold").asLong());
    }

    private static ObjectNode phrase(Phrase phrase) {
        ObjectNode node = JSON.createObjectNode().put("code", phrase.code());
        node.set("args", args(phrase.args()));
        return node;
    }

    private static Phrase phrase(JsonNode node) { return new Phrase(node.path("code").asText(), args(node.path("args"))); }

    /** Each figure tagged with its type, so money stays money and a date stays a date when read back. */
    private static ArrayNode args(List<Object> args) {
        ArrayNode array = JSON.createArrayNode();
        for (Object arg : args) {
            switch (arg) {
                case ExpenseEstimate.Money money -> array.addObject().put("money", money.amount()).put("currency", money.currency());
                case TransportClass transport -> array.addObject().put("transport", transport.wireName());
                case LocalDate date -> array.addObject().put("date", date.toString());
                case Number number -> array.addObject().put("number", number.longValue());
                case List<?> list -> array.addObject().set("list", args(new ArrayList<>(list)));
                default -> array.addObject().put("text", String.valueOf(arg));
            }
        }
        return array;
    }

    private static List<Object> args(JsonNode array) {
        List<Object> args = new ArrayList<>();
        for (JsonNode arg : array) {
            if (arg.has("money")) args.add(new ExpenseEstimate.Money(arg.path("money").asLong(), arg.path("currency").asText()));
            else if (arg.has("transport")) args.add(TransportClass.parse(arg.path("transport").asText()));
            else if (arg.has("date")) args.add(LocalDate.parse(arg.path("date").asText()));
            else if (arg.has("number")) args.add(arg.path("number").asLong());
            else if (arg.has("list")) args.add(args(arg.path("list")));
            else args.add(arg.path("text").asText());
        }
        return args;
    }

    private static JSONB write(JsonNode node) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(JSONB stored) {
        try {
            return JSON.readTree(stored.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable approval document in the database", e);
        }
    }
}
