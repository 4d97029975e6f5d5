package dev.concierge.adapter.llm.testcasegeneration;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.domain.testcasegeneration.model.ModelFinding;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureReviewer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second model pass: one bounded call that reads the procedure against its case and lists problems. Its findings
 * are advice beside the deterministic checks, so an unreadable answer is not retried: it is reported and the pass skipped.
 */
final class LangchainProcedureReviewer implements ProcedureReviewer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FINDINGS = 20;

    private final LangchainProcedureGenerator calls;

    LangchainProcedureReviewer(LangchainProcedureGenerator calls) { this.calls = calls; }

    @Override public List<ModelFinding> review(ProcedureGenerator.Request testCase, Procedure procedure) {
        String reply = calls.call(List.of(SystemMessage.from(system(testCase)), UserMessage.from(request(testCase, procedure))),
                ReviewSchema.RESPONSE_FORMAT);
        return read(reply, procedure.steps().size());
    }

    static List<ModelFinding> read(String reply, int steps) {
        JsonNode root;
        try {
            String text = reply == null ? "" : reply;
            int start = text.indexOf('{');
            root = JSON.readTree(start < 0 ? "" : text.substring(start));
        } catch (JacksonException e) {
            throw new ProcedureGenerator.GenerationFailed("The review pass answered no readable JSON.");
        }
        if (root == null || !root.path("findings").isArray()) {
            throw new ProcedureGenerator.GenerationFailed("The review pass answered without a findings array.");
        }
        List<ModelFinding> findings = new ArrayList<>();
        for (JsonNode node : root.get("findings")) {
            String problem = node.path("problem").asText("").strip();
            if (problem.isEmpty() || findings.size() == MAX_FINDINGS) continue;
            int step = node.path("step").asInt(0);
            findings.add(new ModelFinding(step >= 1 && step <= steps ? Optional.of(step) : Optional.empty(), problem));
        }
        return findings;
    }

    static String system(ProcedureGenerator.Request testCase) {
        return """
                You review a test procedure against the test case it must verify. List what is wrong: steps that do not \
                match the case, a missing check of the expected result, preconditions the steps never set up, steps with \
                more than one action, results a tester cannot observe, vague test data.

                Answer with one JSON object only: {"findings":[{"step":2,"problem":"…"}]}; "step" is 0 for the procedure as a \
                whole. Answer {"findings":[]} when nothing is wrong. Write each problem in one sentence.
                Write every problem in %s.
                """.formatted(testCase.language().locale().getDisplayLanguage(java.util.Locale.ENGLISH));
    }

    static String request(ProcedureGenerator.Request testCase, Procedure procedure) {
        StringBuilder text = new StringBuilder(ProcedurePrompt.caseDescription(testCase)).append("\nThe procedure:\n");
        for (int i = 0; i < procedure.steps().size(); i++) {
            Step s = procedure.steps().get(i);
            text.append(i + 1).append(". ").append(s.action()).append(" → ").append(s.expectedResult());
            s.testData().ifPresent(data -> text.append(" [").append(data).append("]"));
            text.append("\n");
        }
        return text.append("\nReview it as JSON now.").toString();
    }
}
