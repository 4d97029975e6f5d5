package dev.concierge.adapter.persistence.testcasegeneration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.RevisionChange;
import dev.concierge.domain.testcasegeneration.model.Step;
import org.jooq.JSONB;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A procedure's steps as the jsonb array stored per revision: {@code [{"action","expectedResult","testData"?}]}. */
final class ProcedureJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcedureJson() {}

    static JSONB write(Procedure procedure) {
        ArrayNode steps = JSON.createArrayNode();
        for (Step step : procedure.steps()) {
            ObjectNode node = steps.addObject().put("action", step.action()).put("expectedResult", step.expectedResult());
            step.testData().ifPresent(data -> node.put("testData", data));
        }
        return JSONB.valueOf(steps.toString());
    }

    /** What a revision changed, as figures: {@code {"first","steps","changed":[],"changedCount","added":[],"removed"}}. */
    static JSONB write(RevisionChange change) {
        ObjectNode node = JSON.createObjectNode().put("first", change.first()).put("steps", change.steps())
                .put("changedCount", change.changedCount()).put("removed", change.removed());
        change.changed().forEach(node.putArray("changed")::add);
        change.added().forEach(node.putArray("added")::add);
        return JSONB.valueOf(node.toString());
    }

    static RevisionChange readChange(JSONB stored) {
        try {
            JsonNode node = JSON.readTree(stored.data());
            return new RevisionChange(node.path("first").asBoolean(), node.path("steps").asInt(), integers(node.path("changed")),
                    node.path("changedCount").asInt(), integers(node.path("added")), node.path("removed").asInt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored revision change is not valid JSON", e);
        }
    }

    private static List<Integer> integers(JsonNode array) {
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode n : array) numbers.add(n.asInt());
        return numbers;
    }

    static Procedure read(JSONB stored) {
        try {
            JsonNode steps = JSON.readTree(stored.data());
            List<Step> read = new ArrayList<>();
            for (JsonNode step : steps) {
                read.add(new Step(step.path("action").asText(""), step.path("expectedResult").asText(""),
                        Optional.ofNullable(step.get("testData")).filter(JsonNode::isTextual).map(JsonNode::asText)));
            }
            return new Procedure(read);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored procedure is not valid JSON", e);
        }
    }
}
