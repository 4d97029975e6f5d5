package dev.concierge.adapter.persistence.testcasegeneration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.domain.testcasegeneration.model.Procedure;
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
