package dev.concierge.adapter.llm.testcasegeneration;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.domain.testcasegeneration.model.InvalidProcedure;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's answer leniently — a leaked {@code <think>} block, Markdown fences and prose around the JSON are
 * dropped — and judges it strictly: the {@link Procedure} rules decide whether it is usable, not the schema.
 */
final class ProcedureReplyReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEAKED_THINKING = Pattern.compile("^\\s*<think>.*?</think>", Pattern.DOTALL);
    /** An opening fence with an optional language tag, up to the closing fence or, when the reply was cut off, its end. */
    private static final Pattern FENCE = Pattern.compile("```[\\w-]*[^\\S\\n]*\\n?(.*?)(?:```|\\z)", Pattern.DOTALL);
    private static final int MAX_PARSER_MESSAGE = 160;

    private ProcedureReplyReader() {}

    static ProcedureReply read(String reply) {
        String json = jsonPart(reply == null ? "" : reply);
        if (json.isEmpty()) {
            return new ProcedureReply.Unusable(List.of("the reply holds no JSON object; answer with {\"steps\":[…]} only"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonEOFException e) {
            return new ProcedureReply.Unusable(List.of("the reply is cut off: the JSON ends before it is complete"));
        } catch (JacksonException e) {
            return new ProcedureReply.Unusable(List.of("the reply is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")"));
        }
        return judge(root);
    }

    private static ProcedureReply judge(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new ProcedureReply.Unusable(List.of("the reply must be a JSON object with a \"steps\" array"));
        }
        JsonNode stepNodes = root.get("steps");
        if (stepNodes == null || !stepNodes.isArray()) return new ProcedureReply.Unusable(List.of("steps must be an array of steps"));
        List<String> problems = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepNodes.size(); i++) {
            JsonNode node = stepNodes.get(i);
            String at = "steps[" + i + "]";
            if (!node.isObject()) {
                problems.add(at + " must be an object with action, expectedResult and testData");
                continue;
            }
            steps.add(new Step(text(node, "action", at, problems), text(node, "expectedResult", at, problems),
                    Optional.of(text(node, "testData", at, problems))));
        }
        if (problems.isEmpty()) {
            try {
                return new ProcedureReply.Usable(new Procedure(steps));
            } catch (InvalidProcedure invalid) {
                invalid.details().forEach(p -> problems.add(p.toString())); // "steps[1].action: blank": plain enough for a model
            }
        }
        return new ProcedureReply.Unusable(problems);
    }

    private static String text(JsonNode step, String field, String at, List<String> problems) {
        JsonNode value = step.get(field);
        if (value == null || value.isNull()) return "";
        if (value.isContainerNode()) {
            problems.add(at + "." + field + " must be text");
            return "";
        }
        return value.asText();
    }

    static String jsonPart(String reply) {
        String text = LEAKED_THINKING.matcher(reply).replaceFirst("");
        Matcher fenced = FENCE.matcher(text);
        if (fenced.find()) text = fenced.group(1);
        int start = text.indexOf('{');
        return start < 0 ? "" : text.substring(start).strip();
    }

    static String firstLine(String message) {
        if (message == null) return "unreadable";
        String line = message.lines().findFirst().orElse("").strip();
        int source = line.indexOf(" at [Source");
        if (source > 0) line = line.substring(0, source);
        return line.length() > MAX_PARSER_MESSAGE ? line.substring(0, MAX_PARSER_MESSAGE) + "…" : line;
    }
}
