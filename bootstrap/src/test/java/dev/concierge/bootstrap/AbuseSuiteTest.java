package dev.concierge.bootstrap;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.adapter.http.HttpServer;
import dev.concierge.adapter.llm.LlmWireFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input and abuse suite (issue 7). It reads {@code /api/openapi.json} and throws hostile path parameters,
 * query parameters and bodies at every operation, so a new context's API is covered without a line here. Every
 * answer must be a 4xx with the standard error body or a documented 2xx, never a 5xx; a rejected request must leave
 * every table of every context schema exactly as it was; and text stored through the API must come back escaped on
 * every page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    static final String SCRIPT = "<script>alert('injected')</script>";
    static final String IMAGE = "\"><img src=x onerror=alert(1)>";

    /** Text that has broken parsers, databases, templates and logs somewhere. */
    static final List<String> HOSTILE_TEXT = List.of(
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "/", "",  " ",
            "99999999999999999999999999", "-1", "0", "-9223372036854775808", "9223372036854775807", "1e309", "NaN", "0x10",
            "1.5", "' OR '1'='1", "1; DROP TABLE favourites.saved_favourites; --", "\" OR \"\"=\"", "%' AND 1=1 --",
            SCRIPT, IMAGE, "{{7*7}}", "${7*7}", "@template", "e\u0301\u0301\u0301\u0301", "\u202Eevil\u202C", "مرحبا بالعالم",
            "😀👍🏽🇯🇵", "\u0000", "nul\u0000inside", "\uFFFF", "\r\nX-Injected: yes", "2026-02-30", "2026-13-01", "0000-00-00",
            "x".repeat(5000));

    private static LlmWireFixture llm;
    private static RunningApp running;
    private static JsonNode api;
    private static long existing;

    @BeforeAll static void start() throws Exception {
        // A model answers, so a 503 can only mean the app failed; no workers, so queued jobs stay as the requests left them.
        llm = LlmWireFixture.start();
        // The per-user LLM rate limit would answer 429 before a body is read: this suite sends far more than a person.
        running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "GENERATION_CONCURRENCY", "0",
                "LLM_RATE_LIMIT_PER_MINUTE", "100000"));
        api = JSON.readTree(running.get("/api/openapi.json").body());
        existing = JSON.readTree(running.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"Present before the abuse\"}")
                .body()).get("id").asLong();
    }

    @AfterAll static void stop() {
        running.close();
        llm.close();
    }

    record Operation(String method, String path, JsonNode spec) {
        @Override public String toString() { return method.toUpperCase() + " " + path; }
    }

    @Test void the_suite_finds_operations_to_attack() {
        assertThat(operations()).extracting(Operation::toString).contains("POST /api/favourites", "GET /api/quotes/{id}");
    }

    // Before the attacks, which may like the favourite already (a second like changes nothing).
    @Order(0)
    @Test void the_digest_of_stored_data_sees_a_change_so_the_unchanged_check_can_fail() {
        String before = digest();

        running.post("/api/favourites/" + existing + "/like", null);

        assertThat(digest()).isNotEqualTo(before);
        knownDigest = null;
    }

    @TestFactory Stream<DynamicTest> hostile_path_parameters() {
        return operations().stream().filter(op -> op.path().contains("{")).map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            List<String> failures = new ArrayList<>();
            for (String name : pathParameters(op.path())) {
                for (String value : HOSTILE_TEXT) {
                    String path = fillPath(op.path(), name, value);
                    // Jetty refuses a NUL in the path before reading the body and closes the connection; a client still
                    // sending a body may then lose the answer (TCP reset), so that refusal is checked without one.
                    check(op, path, value.indexOf('\0') >= 0 ? null : validBody(op), failures);
                }
            }
            assertThat(failures).isEmpty();
        }));
    }

    @TestFactory Stream<DynamicTest> hostile_query_parameters() {
        return operations().stream().filter(op -> !queryParameters(op).isEmpty()).map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            List<String> failures = new ArrayList<>();
            String path = fillPath(op.path(), null, null);
            for (String name : queryParameters(op)) {
                for (String value : HOSTILE_TEXT) {
                    check(op, path + "?" + name + "=" + encode(value), validBody(op), failures);
                }
                check(op, path + "?" + name + "=1&" + name + "=2", validBody(op), failures);
                check(op, path + "?" + name + "[]=1", validBody(op), failures);
            }
            assertThat(failures).isEmpty();
        }));
    }

    @TestFactory Stream<DynamicTest> hostile_bodies() {
        return operations().stream().filter(op -> schemaOfBody(op) != null).map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            List<String> failures = new ArrayList<>();
            String path = fillPath(op.path(), null, null);
            for (String body : hostileBodies(schemaOfBody(op))) check(op, path, body, failures);
            assertThat(failures).isEmpty();
        }));
    }

    /** Every operation without a body, sent one anyway, and every operation with one, sent none or the wrong type. */
    // First: its ids must not exist yet (a hostile body another check sends may be accepted and create trip 1, after
    // which a draft request here would reach the model with an empty body).
    @Order(1)
    @TestFactory Stream<DynamicTest> unexpected_bodies_and_content_types() {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            List<String> failures = new ArrayList<>();
            String path = fillPath(op.path(), null, null);
            check(op, path, null, failures);
            check(op, path, "{\"unexpected\":true}", failures);
            check(op, path, "\u0000\u0001\u0002", failures);
            assertThat(failures).isEmpty();
        }));
    }

    /**
     * Every write operation with a JSON body, sent that body with each required field (top level, and in the first
     * element of arrays and nested objects) missing and then null, on resources that exist: a 400 with the standard
     * error body, and not a row changed. {@code PUT /api/trips/{id}/itinerary} with {@code {}} used to answer 200 and
     * wipe the itinerary (issue 23).
     */
    // Last: it makes trips, visits and suites, after which the other checks would reach the model for ids that exist.
    @Order(Integer.MAX_VALUE)
    @TestFactory Stream<DynamicTest> required_fields_missing_or_null_are_refused_and_change_nothing() {
        List<Operation> writes = operations().stream().filter(op -> !op.method().equals("get") && schemaOfBody(op) != null)
                .filter(op -> !requiredPaths(schemaOfBody(op), "").isEmpty()).toList();
        assertThat(writes).extracting(Operation::toString).contains("PUT /api/trips/{id}/itinerary", "POST /api/favourites");
        return writes.stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            MADE.clear(); // fresh resources: an earlier operation may have closed a trip or approved a case
            String path = existingPath(op.path());
            ObjectNode valid = (ObjectNode) requiredOnly(sample(schemaOfBody(op)), schemaOfBody(op));
            if (valid.has("version")) valid.put("version", currentVersion(op.path()));
            List<String> failures = new ArrayList<>();
            for (String field : requiredPaths(schemaOfBody(op), "")) {
                for (boolean asNull : new boolean[] {false, true}) {
                    ObjectNode body = valid.deepCopy();
                    if (!withoutField(body, field, asNull)) continue;
                    String before = digest();
                    HttpResponse<String> response = running.request(op.method().toUpperCase(), path, body.toString());
                    String where = op + " with " + field + (asNull ? " null" : " missing") + " → " + response.statusCode()
                            + " " + abbreviate(response.body());
                    if (response.statusCode() != 400) failures.add(where + " (not 400)");
                    else if (!isStandardError(response.body())) failures.add(where + " (not the standard error body)");
                    if (!digest().equals(before)) failures.add(where + " (stored data changed)");
                }
            }
            // Past the checks of its shape, a complete body may still meet a rule of the resource's state (409, 422).
            HttpResponse<String> accepted = running.request(op.method().toUpperCase(), path, valid.toString());
            if (accepted.statusCode() == 400 || accepted.statusCode() >= 500) {
                failures.add(op + " refuses the complete sample body too (" + accepted.statusCode() + " "
                        + abbreviate(accepted.body()) + "), so the checks above prove little");
            }
            knownDigest = null;
            assertThat(failures).isEmpty();
        }));
    }

    /** The sample with only the fields its schema requires, at every level: optional ones may need context (a team). */
    private static JsonNode requiredOnly(JsonNode sample, JsonNode schema) {
        JsonNode s = resolve(schema);
        if (sample instanceof ObjectNode object && s.has("properties")) {
            Set<String> required = new java.util.HashSet<>();
            s.path("required").forEach(name -> required.add(name.asText()));
            ObjectNode kept = NODES.objectNode();
            object.properties().forEach(field -> {
                if (required.contains(field.getKey())) {
                    kept.set(field.getKey(), requiredOnly(field.getValue(), s.path("properties").path(field.getKey())));
                }
            });
            return kept;
        }
        if (sample instanceof ArrayNode array && s.has("items")) {
            ArrayNode kept = NODES.arrayNode();
            array.forEach(element -> kept.add(requiredOnly(element, s.path("items"))));
            return kept;
        }
        return sample;
    }

    /** The version the resource an operation acts on has now ({@code GET /api/trips/{id}} for its actions). */
    private static long currentVersion(String template) {
        String resource = template.substring(0, template.indexOf('}') + 1);
        try {
            return JSON.readTree(running.get(existingPath(resource)).body()).path("version").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Dotted paths of the required fields: {@code items[0].date} for a field required in an array's elements. */
    static List<String> requiredPaths(JsonNode schema, String prefix) {
        JsonNode s = resolve(schema);
        List<String> paths = new ArrayList<>();
        Set<String> required = new java.util.HashSet<>();
        s.path("required").forEach(name -> required.add(name.asText()));
        s.path("properties").properties().forEach(property -> {
            String path = prefix + property.getKey();
            if (required.contains(property.getKey())) paths.add(path);
            JsonNode inner = resolve(property.getValue());
            if (inner.path("type").asText().equals("array")) paths.addAll(requiredPaths(inner.path("items"), path + "[0]."));
            else if (inner.has("properties")) paths.addAll(requiredPaths(inner, path + "."));
        });
        return paths;
    }

    /** Removes (or nulls) the field at a path from {@link #requiredPaths}; false when the sample has no such place. */
    private static boolean withoutField(ObjectNode body, String path, boolean asNull) {
        JsonNode parent = body;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            String step = steps[i];
            if (step.endsWith("[0]")) parent = parent.path(step.substring(0, step.length() - 3)).path(0);
            else parent = parent.path(step);
        }
        if (!(parent instanceof ObjectNode object)) return false;
        String name = steps[steps.length - 1];
        if (asNull) object.putNull(name);
        else object.remove(name);
        return true;
    }

    /** Resources made through the API for the path parameters of the required-field checks, by collection path. */
    private static final Map<String, String> MADE = new LinkedHashMap<>();

    /**
     * The template with each {@code {id}} replaced by the id of a resource made for it: the POST whose path ends in
     * the collection the parameter follows ({@code /api/visits/{id}} by {@code POST /api/trips/{id}/visits}).
     */
    private static String existingPath(String template) {
        String[] segments = template.split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{step}") || segments[i].equals("{date}")) {
                // a step of the made case, a day of the made trip (the date the samples use)
                path.append('/').append(segments[i].equals("{step}") ? "1" : "2026-12-01");
            } else if (segments[i].startsWith("{")) {
                String collection = segments[i - 1];
                String id = MADE.get(collection);
                if (id == null) MADE.put(collection, id = make(collection)); // make() may fill MADE for a parent first
                path.append('/').append(id);
            } else {
                path.append('/').append(segments[i]);
            }
        }
        return path.toString();
    }

    private static String make(String collection) {
        Operation create = operations().stream()
                .filter(op -> op.method().equals("post") && op.path().endsWith("/" + collection) && schemaOfBody(op) != null)
                .findFirst().orElseThrow(() -> new AssertionError("no POST makes " + collection));
        HttpResponse<String> made = running.request("POST", existingPath(create.path()),
                requiredOnly(sample(schemaOfBody(create)), schemaOfBody(create)).toString());
        assertThat(made.statusCode()).as("making " + collection + ": " + made.body()).isEqualTo(201);
        try {
            return JSON.readTree(made.body()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // Late, like the required-fields check: it creates a resource through every create operation, after which the
    // checks on ids would reach the model for resources that exist.
    @Order(Integer.MAX_VALUE - 1)
    @Test void stored_text_with_markup_comes_back_escaped_on_every_page() {
        int stored = 0;
        for (Operation op : operations()) {
            JsonNode schema = schemaOfBody(op);
            if (schema == null || !op.method().equals("post") || op.path().contains("{")) continue;
            ObjectNode body = (ObjectNode) sample(schema);
            body.properties().forEach(field -> {
                if (field.getValue().isTextual() && !resolve(schema).at("/properties/" + field.getKey()).has("enum")) {
                    body.put(field.getKey(), SCRIPT + IMAGE + " " + System.nanoTime());
                }
            });
            if (running.request("POST", op.path(), body.toString()).statusCode() / 100 == 2) stored++;
        }
        List<String> pages = pages();

        assertThat(stored).as("operations that stored the markup").isPositive();
        assertThat(pages).as("pages rendered").isNotEmpty();
        for (String page : pages) {
            HttpResponse<String> response = running.get(page);
            assertThat(response.statusCode()).as(page).isLessThan(500);
            assertThat(response.body()).as(page).doesNotContain(SCRIPT).doesNotContain("<img src=x");
        }
        assertThat(running.get("/favourites").body()).as("the page shows the stored text, escaped")
                .contains("&lt;script&gt;alert(");
    }

    @Test void hostile_query_parameters_on_pages_never_fail_the_server() {
        List<String> failures = new ArrayList<>();
        for (String page : pages()) {
            for (String name : List.of("q", "author", "limit", "offset", "qoffset", "type", "sort", "lang", "date")) {
                for (String value : HOSTILE_TEXT) {
                    HttpResponse<String> response = running.get(page + "?" + name + "=" + encode(value));
                    if (response.statusCode() >= 500) failures.add(page + "?" + name + "=" + abbreviate(value) + " → " + response.statusCode());
                    if (response.body().contains(SCRIPT)) failures.add(page + "?" + name + " reflected unescaped markup");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    // ---- checking one request

    /** The digest as of the last check, while only rejected requests were sent since: one query per request, not two. */
    private static String knownDigest;

    private static void check(Operation op, String path, String body, List<String> failures) {
        String before = knownDigest != null ? knownDigest : digest();
        knownDigest = null;
        HttpResponse<String> response;
        try {
            response = running.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(running.base() + path))
                    .header("Content-Type", "application/json")
                    .method(op.method().toUpperCase(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        } catch (RuntimeException e) {
            failures.add(describe(op, path, body) + " → no answer: " + e);
            return;
        }
        int status = response.statusCode();
        String where = describe(op, path, body) + " → " + status + " " + abbreviate(response.body());
        if (status >= 500) {
            failures.add(where);
        } else if (status >= 400) {
            if (!isStandardError(response.body())) failures.add(where + " (not the standard error body)");
            String after = digest();
            if (!after.equals(before)) failures.add(where + " (rejected, yet stored data changed)");
            knownDigest = after;
        } else if (status >= 200 && status < 300) {
            if (!op.spec().path("responses").has(Integer.toString(status))) failures.add(where + " (undocumented status)");
            boolean documentedJson = resolve(op.spec().path("responses").path(Integer.toString(status))).path("content").has("application/json");
            if (documentedJson && !isJson(response.body())) failures.add(where + " (2xx without a JSON body)");
        } else {
            failures.add(where + " (unexpected status)");
        }
        if (response.body().contains("\tat ") || response.body().contains("Exception")) failures.add(where + " (stack trace)");
    }

    private static boolean isStandardError(String body) {
        try {
            JsonNode error = JSON.readTree(body).get("error");
            return error != null && error.path("code").isTextual() && !error.path("code").asText().isBlank()
                    && error.path("message").isTextual() && !error.path("message").asText().isBlank()
                    && error.path("details").isArray();
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isJson(String body) {
        try {
            JSON.readTree(body);
            return !body.isBlank();
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * One hash over every row of every table of every context schema, found in the catalogue so a new context's
     * tables count without a change here.
     */
    static String digest() { return StoredData.digest(running.database().dataSource(), OwnershipTest.WITHOUT_BACKGROUND_PROGRESS); }

    // ---- hostile bodies generated from the request schema

    static List<String> hostileBodies(JsonNode schema) {
        JsonNode valid = sample(schema);
        String text = valid.toString();
        List<String> bodies = new ArrayList<>(List.of(
                "", " ", "null", "true", "0", "\"text\"", "[]", "[" + text + "]", "{", "}", "{\"", "{'a':1}",
                text.substring(0, text.length() / 2), text.substring(0, text.length() - 1), text + text, text + "garbage",
                "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "[".repeat(100_000), "\uFEFF" + text,
                "{\"__proto__\":{\"admin\":true}}", "{\"a\":1e99999}", "{\"a\":" + "9".repeat(5000) + "}"));
        if (valid instanceof ObjectNode object) {
            ObjectNode unknown = object.deepCopy();
            unknown.put("unexpectedField", 1);
            bodies.add(unknown.toString());
            List<JsonNode> wrong = List.of(NODES.nullNode(), NODES.numberNode(-1), NODES.numberNode(Long.MAX_VALUE),
                    NODES.numberNode(1.5), NODES.booleanNode(true), NODES.arrayNode().add("x"), NODES.objectNode().put("x", 1),
                    NODES.textNode(""), NODES.textNode("x".repeat(100_000)), hugeArray());
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                ObjectNode without = object.deepCopy();
                without.remove(field);
                bodies.add(without.toString());
                for (JsonNode value : wrong) bodies.add(object.deepCopy().set(field, value).toString());
                for (String hostile : HOSTILE_TEXT) bodies.add(object.deepCopy().put(field, hostile).toString());
            }
        }
        return bodies;
    }

    private static ArrayNode hugeArray() {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < 20_000; i++) array.add(i);
        return array;
    }

    /** A body the schema accepts, with the first enum value, the minimum, a short text for each field. */
    static JsonNode sample(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) return s.get("enum").get(0);
        if (s.path("examples").isArray() && !s.path("examples").isEmpty()) return s.get("examples").get(0);
        if (s.has("oneOf")) return sample(s.get("oneOf").get(0));
        if (s.has("anyOf")) return sample(s.get("anyOf").get(0));
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText("object");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                s.path("properties").properties().forEach(p -> object.set(p.getKey(), sample(p.getValue())));
                yield object;
            }
            case "array" -> NODES.arrayNode().add(sample(s.path("items")));
            case "integer" -> NODES.numberNode(s.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(s.path("minimum").asDouble(1.5));
            case "boolean" -> NODES.booleanNode(true);
            default -> switch (s.path("format").asText()) {
                // the day the API document's examples use, so a sample visit falls within a sample trip
                case "date" -> NODES.textNode("2026-12-01");
                case "date-time" -> NODES.textNode("2026-12-01T10:00:00+09:00");
                // a pattern (a key, say) is met by letters and digits alone; free text gets spaces
                default -> NODES.textNode(s.has("pattern") ? "S" + System.nanoTime() % 1_000_000_000 : "Sample text " + System.nanoTime());
            };
        };
    }

    // ---- reading the API description

    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                operations.add(new Operation(method.getKey(), path.getKey(), withPathItemParameters(path.getValue(), method.getValue())));
            }
        }));
        return operations;
    }

    private static JsonNode withPathItemParameters(JsonNode pathItem, JsonNode operation) {
        if (!pathItem.has("parameters")) return operation;
        ObjectNode merged = operation.deepCopy();
        ArrayNode parameters = merged.withArray("parameters");
        pathItem.get("parameters").forEach(parameters::add);
        return merged;
    }

    private static List<JsonNode> parameters(Operation op) {
        List<JsonNode> parameters = new ArrayList<>();
        op.spec().path("parameters").forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    static List<String> queryParameters(Operation op) {
        return parameters(op).stream().filter(p -> p.path("in").asText().equals("query")).map(p -> p.path("name").asText()).toList();
    }

    static List<String> pathParameters(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** {@code hostile} in parameter {@code name}; every other path parameter a plausible value. */
    private static String fillPath(String template, String name, String hostile) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String parameter : pathParameters(template)) {
            values.put(parameter, parameter.equals(name) ? encodePath(hostile) : plausible(template, parameter));
        }
        String path = template;
        for (var entry : values.entrySet()) path = path.replace("{" + entry.getKey() + "}", entry.getValue());
        return path;
    }

    /** An enum's first value, else the favourite made at the start (ids of other contexts simply answer 404). */
    private static String plausible(String template, String parameter) {
        for (Operation op : operations()) {
            if (!op.path().equals(template)) continue;
            for (JsonNode p : parameters(op)) {
                if (p.path("name").asText().equals(parameter)) {
                    JsonNode schema = resolve(p.path("schema"));
                    if (schema.has("enum")) return schema.get("enum").get(0).asText();
                    if (schema.path("type").asText().equals("string")) return "sample";
                }
            }
        }
        return Long.toString(existing);
    }

    /** A valid body for operations that take one, so hostile parameters are not hidden behind a body error. */
    private static String validBody(Operation op) {
        JsonNode schema = schemaOfBody(op);
        return schema == null ? null : sample(schema).toString();
    }

    static JsonNode schemaOfBody(Operation op) {
        JsonNode body = resolve(op.spec().path("requestBody"));
        JsonNode schema = body.path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : schema;
    }

    static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) current = api.at(current.get("$ref").asText().substring(1));
        return current;
    }

    /** Page routes the server registers (GET, not the API, no path parameters). */
    private static List<String> pages() {
        return running.app.injector().getInstance(HttpServer.class).routes().stream()
                .filter(r -> r.method().equals("GET") && !ApiAssertions.isApi(r.path()) && !r.path().contains("{")
                        && !r.path().startsWith("/assets"))
                .map(HttpServer.Route::path).distinct().toList();
    }

    private static String encode(String value) { return URLEncoder.encode(value, StandardCharsets.UTF_8); }

    private static String encodePath(String value) {
        String encoded = encode(value).replace("+", "%20");
        return encoded.isEmpty() ? "%20" : encoded;
    }

    private static String describe(Operation op, String path, String body) {
        return op.method().toUpperCase() + " " + abbreviate(path) + (body == null ? "" : " body " + abbreviate(body));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…(" + text.length() + ")" : oneLine;
    }
}
