package dev.concierge.adapter.llm.testcasegeneration;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.domain.testcasegeneration.model.CaseKind;
import dev.concierge.domain.testcasegeneration.model.GeneratedCase;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads generated cases leniently (as {@link ProcedureReplyReader} reads a procedure) and judges them strictly with
 * {@link GeneratedCase#problems}: usable cases, or every problem for the model to fix.
 */
final class CaseReplyReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    sealed interface Reply {
        record Usable(List<GeneratedCase> cases) implements Reply {}

        record Unusable(List<String> problems) implements Reply {}
    }

    private CaseReplyReader() {}

    static Reply read(String reply, Requirement requirement, int expected) {
        String json = ProcedureReplyReader.jsonPart(reply == null ? "" : reply);
        if (json.isEmpty()) return new Reply.Unusable(List.of("the reply holds no JSON object; answer with {\"cases\":[…]} only"));
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonEOFException e) {
            return new Reply.Unusable(List.of("the reply is cut off: the JSON ends before it is complete"));
        } catch (JacksonException e) {
            return new Reply.Unusable(List.of("the reply is not valid JSON (" + ProcedureReplyReader.firstLine(e.getOriginalMessage()) + ")"));
        }
        JsonNode caseNodes = root == null ? null : root.get("cases");
        if (caseNodes == null || !caseNodes.isArray()) return new Reply.Unusable(List.of("the reply must be a JSON object with a \"cases\" array"));
        List<String> problems = new ArrayList<>();
        List<GeneratedCase> cases = new ArrayList<>();
        for (int i = 0; i < caseNodes.size(); i++) {
            JsonNode node = caseNodes.get(i);
            String at = "cases[" + i + "]";
            if (!node.isObject()) {
                problems.add(at + " must be an object");
                continue;
            }
            Optional<CaseKind> kind = CaseKind.parse(node.path("kind").asText(""));
            if (kind.isEmpty()) problems.add(at + ".kind must be normal, boundary or error");
            List<GeneratedCase.TracedStep> steps = new ArrayList<>();
            JsonNode stepNodes = node.get("steps");
            if (stepNodes == null || !stepNodes.isArray()) {
                problems.add(at + ".steps must be an array of steps");
            } else {
                for (JsonNode step : stepNodes) {
                    steps.add(new GeneratedCase.TracedStep(new Step(text(step, "action"), text(step, "expectedResult"),
                            Optional.of(text(step, "testData"))), codes(step.get("criteria"))));
                }
            }
            cases.add(new GeneratedCase(kind.orElse(CaseKind.NORMAL), text(node, "title"), text(node, "preconditions"),
                    text(node, "expectedResult"), codes(node.get("criteria")), steps));
        }
        problems.addAll(GeneratedCase.problems(requirement, cases, expected));
        return problems.isEmpty() ? new Reply.Usable(cases) : new Reply.Unusable(problems);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }

    private static List<String> codes(JsonNode node) {
        List<String> codes = new ArrayList<>();
        if (node != null && node.isArray()) for (JsonNode code : node) if (code.isTextual() && !code.asText().isBlank()) codes.add(code.asText().strip());
        return codes;
    }
}
