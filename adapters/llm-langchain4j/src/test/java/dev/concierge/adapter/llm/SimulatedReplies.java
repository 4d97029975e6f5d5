package dev.concierge.adapter.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What sim-llm answers, as pure functions: {@code synth} (a value from a JSON schema), {@code blank}, {@code replyFor}
 * (schema reply, {@code {"answer":"simulated"}} for plain JSON mode, canned English/Japanese text otherwise),
 * {@code toolCall} and {@code tokens}. One shared counter, advanced exactly where sim-llm advances its own, so a fresh
 * fixture and a fresh sim-llm give the same values for the same requests.
 */
final class SimulatedReplies {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern JAPANESE = Pattern.compile("[\\u3040-\\u30ff\\u4e00-\\u9faf]");

    private long counter;

    /** A reply text and whether it was synthesised from a schema (only those are ever malformed, as in sim-llm). */
    record Reply(String text, boolean fromSchema) {}

    /** A tool call: the tool's name and arguments synthesised from its parameters schema. */
    record ToolCall(String name, JsonNode arguments) {}

    synchronized long next() { return counter++; }

    synchronized JsonNode synth(JsonNode schema) { return synth(schema, schema, "root", 0); }

    synchronized JsonNode synth(JsonNode schema, JsonNode root, String name, int depth) {
        schema = resolveRef(schema, root);
        if (depth > 8) return NODES.nullNode();
        if (schema.has("const")) return schema.get("const");
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.size() == 0 ? NODES.nullNode() : values.get((int) (counter++ % values.size()));
        }
        JsonNode alternatives = truthy(schema.get("anyOf")) ? schema.get("anyOf") : schema.get("oneOf");
        if (truthy(alternatives)) {
            JsonNode chosen = alternatives.get(0);
            for (JsonNode alternative : alternatives) {
                if (!"null".equals(textOrNull(resolveRef(alternative, root).get("type")))) { chosen = alternative; break; }
            }
            return synth(chosen, root, name, depth + 1);
        }
        String type = typeOf(schema);
        return switch (type) {
            case "object" -> {
                ObjectNode out = NODES.objectNode();
                JsonNode properties = schema.get("properties");
                if (properties != null && properties.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = it.next();
                        out.set(property.getKey(), synth(property.getValue(), root, property.getKey(), depth + 1));
                    }
                }
                yield out;
            }
            case "array" -> {
                int n = (int) Math.max(orZero(schema.get("minItems")), Math.min(orThree(schema.get("maxItems")), 3));
                ArrayNode out = NODES.arrayNode();
                JsonNode items = schema.has("items") && truthy(schema.get("items")) ? schema.get("items") : NODES.objectNode();
                String itemName = name == null || name.isEmpty() ? "item" : name;
                for (int i = 0; i < n; i++) out.add(synth(items, root, itemName + " " + (i + 1), depth + 1));
                yield out;
            }
            case "integer" -> number(Math.max(minimumOrOne(schema), 1) + (counter++ % 3));
            case "number" -> number(minimumOrOne(schema) + 0.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> {
                String format = textOrNull(schema.get("format"));
                if ("date".equals(format)) yield NODES.textNode("2026-12-01");
                if ("date-time".equals(format)) yield NODES.textNode("2026-12-01T09:00:00Z");
                yield NODES.textNode("simulated " + (name == null || name.isEmpty() ? "text" : name) + " " + (counter++ % 97));
            }
        };
    }

    /** Empty arrays, empty strings, everything else kept: a schema-shaped reply with no content. */
    static JsonNode blank(JsonNode value) {
        if (value.isArray()) return NODES.arrayNode();
        if (value.isObject()) {
            ObjectNode out = NODES.objectNode();
            value.fields().forEachRemaining(field -> out.set(field.getKey(), blank(field.getValue())));
            return out;
        }
        return value.isTextual() ? NODES.textNode("") : value;
    }

    synchronized Reply replyFor(JsonNode body, JsonNode messages) {
        JsonNode format = present(body.get("format")) ? body.get("format") : body.get("response_format");
        JsonNode schema = null;
        if (format != null && format.isObject()) {
            if (truthy(format.get("json_schema"))) schema = format.get("json_schema").get("schema");
            else schema = "json_object".equals(textOrNull(format.get("type"))) ? NODES.objectNode() : format;
        }
        if (format != null && format.isTextual() && "json".equals(format.asText())
                || schema != null && schema.isObject() && schema.isEmpty()) {
            return new Reply("{\"answer\":\"simulated\"}", false);
        }
        if (schema != null && !schema.isNull()) return new Reply(write(synth(schema, schema, "root", 0)), true);
        String asked = lastUserText(messages);
        String u = asked.substring(0, Math.min(60, asked.length()));
        return new Reply(JAPANESE.matcher(u).find()
                ? "シミュレーション応答です。ご質問「" + u + "」について、順に説明します。まず要点を整理し、次に具体的な手順を示します。"
                : "Simulated answer about \"" + u + "\". First the key points, then the concrete steps, then a short summary for you.", false);
    }

    /**
     * sim-llm's {@code TOOLS=1}: a call of the tool named in the last user message (else the first tool), unless a
     * tool result already follows that message. Null when no tools are offered or a result is there.
     */
    synchronized ToolCall toolCall(JsonNode body) {
        JsonNode tools = body.get("tools");
        if (tools == null || !tools.isArray() || tools.isEmpty()) return null;
        JsonNode messages = body.has("messages") && body.get("messages").isArray() ? body.get("messages") : NODES.arrayNode();
        int lastUser = -1;
        for (int i = 0; i < messages.size(); i++) if ("user".equals(textOrNull(messages.get(i).get("role")))) lastUser = i;
        for (int i = lastUser + 1; i < messages.size(); i++) if ("tool".equals(textOrNull(messages.get(i).get("role")))) return null;
        String text = lastUserText(messages);
        List<JsonNode> functions = new ArrayList<>();
        tools.forEach(tool -> functions.add(truthy(tool.get("function")) ? tool.get("function") : tool));
        JsonNode chosen = functions.stream()
                .filter(f -> { String n = textOrNull(f.get("name")); return n != null && !n.isEmpty() && text.contains(n); })
                .findFirst().orElse(functions.getFirst());
        JsonNode parameters = truthy(chosen.get("parameters")) ? chosen.get("parameters")
                : NODES.objectNode().put("type", "object").set("properties", NODES.objectNode());
        return new ToolCall(textOrNull(chosen.get("name")), synth(parameters, parameters, "arg", 0));
    }

    /** Pieces of at most four code points, as sim-llm streams them; one empty piece for an empty text. */
    static List<String> tokens(String text) {
        List<String> pieces = new ArrayList<>();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i += 4) pieces.add(new String(codePoints, i, Math.min(4, codePoints.length - i)));
        if (pieces.isEmpty()) pieces.add("");
        return pieces;
    }

    static String lastUserText(JsonNode messages) {
        if (messages == null || !messages.isArray()) return "";
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(textOrNull(message.get("role")))) {
                JsonNode content = message.get("content");
                if (content == null) return "";
                return content.isTextual() ? content.asText() : write(content);
            }
        }
        return "";
    }

    static String write(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resolveRef(JsonNode schema, JsonNode root) {
        if (schema != null && schema.isObject() && schema.has("$ref")) {
            JsonNode target = root;
            for (String part : schema.get("$ref").asText().replaceFirst("^#/", "").split("/")) {
                target = target == null ? null : target.get(part);
            }
            return resolveRef(target == null ? NODES.objectNode() : target, root);
        }
        return schema == null || schema.isNull() ? NODES.objectNode() : schema;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        String named = null;
        if (type != null && type.isArray()) {
            for (JsonNode t : type) if (!"null".equals(t.asText())) { named = t.asText(); break; }
        } else if (type != null && type.isTextual() && !type.asText().isEmpty()) {
            named = type.asText();
        }
        if (named != null) return named;
        return truthy(schema.get("properties")) ? "object" : truthy(schema.get("items")) ? "array" : "string";
    }

    private static double minimumOrOne(JsonNode schema) {
        JsonNode minimum = schema.get("minimum");
        return present(minimum) ? minimum.asDouble() : 1;
    }

    private static double orZero(JsonNode value) { return value != null && value.asDouble() != 0 ? value.asDouble() : 0; }

    private static double orThree(JsonNode value) { return value != null && value.asDouble() != 0 ? value.asDouble() : 3; }

    private static JsonNode number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? NODES.numberNode((long) value) : NODES.numberNode(value);
    }

    private static boolean present(JsonNode value) { return value != null && !value.isNull(); }

    /** JavaScript truthiness for the JSON values sim-llm tests with {@code ||} and {@code ?:}. */
    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) return false;
        if (value.isBoolean()) return value.asBoolean();
        if (value.isNumber()) return value.asDouble() != 0;
        if (value.isTextual()) return !value.asText().isEmpty();
        return true;
    }

    private static String textOrNull(JsonNode value) { return value == null || !value.isTextual() ? null : value.asText(); }
}
