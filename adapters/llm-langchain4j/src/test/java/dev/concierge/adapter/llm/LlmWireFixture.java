package dev.concierge.adapter.llm;

/*
 * A fake LLM server for tests. It mirrors ../shared/sim-llm/server.js (the reference simulated LLM), in Java with the
 * JDK's HttpServer, so tests need neither Node nor that file. Covered, answering as sim-llm does:
 *   Ollama  — GET /, /api/version, /api/tags, POST /api/show, /api/chat and /api/generate, NDJSON streaming by default
 *             and one JSON object with "stream": false; JSON-schema `format` answered with a reply synthesised from
 *             the schema; unknown models get Ollama's 404 {"error":"model \"x\" not found, try pulling it first"}.
 *   OpenAI  — GET /v1/models, POST /v1/chat/completions, SSE with "stream": true (role chunk, content pieces, finish,
 *             usage chunk when stream_options.include_usage, [DONE]) or one chat.completion; `response_format`
 *             json_schema / json_object; unknown models get OpenAI's 404 error object (code model_not_found).
 *   Tool calls (sim-llm's TOOLS=1, switched on with tools(true)) — a call of the tool named in the last user message,
 *             else the first tool, until a tool result follows it; streamed and not, in each protocol's own shape.
 *             Beyond sim-llm: Answer.toolCall(name, arguments) scripts one exact call (a hallucinated name, a model that
 *             never stops calling).
 *   Fault knobs — sim-llm's rates become a per-request script: enqueue(Answer...) consumes one answer per chat request
 *             (a fixed reply, one of sim-llm's four malformations, an HTTP error in the provider's format, a hang
 *             until close(), a reply that stalls after its headers); firstTokenDelay/tokenDelay are TTFT_MS/TOKEN_MS.
 *   Embeddings — POST /api/embed (Ollama) and /v1/embeddings (OpenAI): sim-llm's deterministic 64-dimension trigram
 *             vectors, so near-identical texts are near-identical vectors; failEmbeddings(status) answers them with
 *             that HTTP error instead (0 to answer again).
 * Not covered: /api/embeddings (the legacy Ollama path), /sim/stats and /sim/reset (requests() records every request instead).
 */

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

public final class LlmWireFixture implements AutoCloseable {
    public static final List<String> DEFAULT_MODELS = List.of("llama3.2:latest", "qwen2.5:7b", "gpt-4o-mini");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> CHAT_PATHS = List.of("/api/chat", "/api/generate", "/v1/chat/completions");

    /** How the next chat request is answered. */
    public sealed interface Answer {
        /** sim-llm's answer: from the schema, a tool call when tools are on and offered, else canned text. */
        static Answer simulated() { return new Simulated(); }

        /** This exact assistant text, e.g. a fenced or truncated procedure. */
        static Answer content(String text) { return new Content(text); }

        /** sim-llm's MALFORMED_RATE: the schema reply fenced, truncated, blanked or behind a leaked think block. */
        static Answer malformed(Malformation how) { return new Malformed(how); }

        /** An HTTP error with sim-llm's body in the provider's format. */
        static Answer httpError(int status) { return new HttpError(status); }

        /** sim-llm's HANG_RATE: never answers until the fixture is closed. */
        static Answer hang() { return new Hang(); }

        /** Headers and part of the body, then nothing: a server that dies mid-reply. */
        static Answer stallAfterHeaders() { return new StallAfterHeaders(); }

        /** A call of this tool with these JSON arguments, whatever tools are offered and whatever results follow. */
        static Answer toolCall(String name, String argumentsJson) { return new ScriptedToolCall(name, argumentsJson); }
    }

    record Simulated() implements Answer {}
    record Content(String text) implements Answer {}
    record Malformed(Malformation how) implements Answer {}
    record HttpError(int status) implements Answer {}
    record Hang() implements Answer {}
    record StallAfterHeaders() implements Answer {}
    record ScriptedToolCall(String name, String argumentsJson) implements Answer {}

    /** The ways real models break structured output, as sim-llm produces them. */
    public enum Malformation {
        FENCED, TRUNCATED, BLANK, THINKING;

        String apply(String good) {
            return switch (this) {
                case FENCED -> "```json\n" + good + "\n```";
                case TRUNCATED -> good.substring(0, Math.max(1, good.length() >> 1));
                case BLANK -> SimulatedReplies.write(SimulatedReplies.blank(readJson(good)));
                case THINKING -> "<think>Let me think.</think>" + good;
            };
        }
    }

    /** One request as it arrived. */
    public record Recorded(String method, String path, String body) {
        public JsonNode json() { return body.isEmpty() ? NODES.objectNode() : readJson(body); }

        public boolean isChat() { return CHAT_PATHS.contains(path); }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final SimulatedReplies sim = new SimulatedReplies();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger brokenByClient = new AtomicInteger();
    private final List<String> models;
    private volatile Duration firstTokenDelay = Duration.ZERO;
    private volatile Duration tokenDelay = Duration.ZERO;
    private volatile boolean tools;
    private volatile int embeddingFailure;

    private LlmWireFixture(List<String> models) {
        this.models = List.copyOf(models);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers); // one thread per request: a hung answer must not block the next request
        server.createContext("/", this::handle);
        server.start();
    }

    public static LlmWireFixture start() { return new LlmWireFixture(DEFAULT_MODELS); }

    public static LlmWireFixture start(List<String> models) { return new LlmWireFixture(models); }

    public URI ollamaBaseUrl() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    public URI openAiBaseUrl() { return URI.create(ollamaBaseUrl() + "/v1"); }

    /** A configuration pointing the given provider at this fixture. */
    public LlmConfig config(LlmConfig.Provider provider, String model, Duration timeout) {
        return new LlmConfig(provider, ollamaBaseUrl(), model, Optional.of("sk-fixture"), openAiBaseUrl(), model, timeout);
    }

    /** Answers for the next chat requests, in order; once used up, chat requests get {@link Answer#simulated()}. */
    public LlmWireFixture enqueue(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public LlmWireFixture firstTokenDelay(Duration delay) { firstTokenDelay = delay; return this; }

    public LlmWireFixture tokenDelay(Duration delay) { tokenDelay = delay; return this; }

    /** sim-llm's TOOLS=1. */
    public LlmWireFixture tools(boolean on) { tools = on; return this; }

    /** A server that cannot stream tool calls: a streamed chat request offering tools gets HTTP 400 (not streamed ones work). */

    /** The value sim-llm would synthesise for this schema next (advances the same counter replies use). */
    public JsonNode synthesise(JsonNode schema) { return sim.synth(schema); }

    public List<Recorded> requests() { return List.copyOf(requests); }

    public List<Recorded> chatRequests() { return requests.stream().filter(Recorded::isChat).toList(); }

    /** How many answers failed to reach their client because it closed the connection while they were being written. */
    public int answersBrokenByClient() { return brokenByClient.get(); }

    /** Releases hung answers and stops the server. */
    @Override public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestMethod(), path, raw));
        try (exchange) {
            route(exchange, path, raw);
        } catch (IOException e) {
            if (closed.getCount() > 0) brokenByClient.incrementAndGet(); // the client closed the connection mid-answer
        } catch (RuntimeException e) {
            if (closed.getCount() > 0) throw e; // after close, broken connections are expected
        }
    }

    private void route(HttpExchange exchange, String path, String raw) throws IOException {
        switch (path) {
            case "/" -> { send(exchange, 200, "text/plain", "Ollama is running"); return; }
            case "/api/version" -> { json(exchange, 200, NODES.objectNode().put("version", "0.12.0")); return; }
            case "/api/tags" -> { json(exchange, 200, tags()); return; }
            case "/v1/models" -> { json(exchange, 200, openAiModels()); return; }
            default -> { }
        }
        JsonNode body;
        try {
            body = raw.isEmpty() ? NODES.objectNode() : readJson(raw);
        } catch (UncheckedIOException e) {
            json(exchange, 400, NODES.objectNode().put("error", "invalid JSON body"));
            return;
        }
        if (path.equals("/api/embed") || path.equals("/v1/embeddings")) {
            embeddings(exchange, path, body);
            return;
        }
        if (path.equals("/api/show")) {
            ObjectNode show = NODES.objectNode().put("modelfile", "").put("parameters", "").put("template", "");
            show.putObject("details").put("family", "llama");
            show.putArray("capabilities").add("completion").add("tools");
            json(exchange, 200, show);
            return;
        }
        boolean openAi = path.startsWith("/v1/");
        Answer answer = CHAT_PATHS.contains(path) ? Optional.ofNullable(script.poll()).orElse(Answer.simulated()) : Answer.simulated();
        if (answer instanceof HttpError error) {
            json(exchange, error.status(), openAi ? openAiError("simulated failure", "server_error", null) : ollamaError("simulated failure"));
            return;
        }
        if (answer instanceof Hang) {
            awaitClose();
            return;
        }
        String model = body.path("model").asText("");
        if (!model.isEmpty() && !models.contains(model) && !models.contains(model + ":latest")) {
            json(exchange, 404, openAi ? openAiError("The model '" + model + "' does not exist", "invalid_request_error", "model_not_found")
                    : ollamaError("model \"" + model + "\" not found, try pulling it first"));
            return;
        }
        switch (path) {
            case "/api/chat" -> ollamaChat(exchange, body, false, answer);
            case "/api/generate" -> ollamaChat(exchange, body, true, answer);
            case "/v1/chat/completions" -> openAiChat(exchange, body, answer);
            default -> json(exchange, 404, NODES.objectNode().put("error", "not found"));
        }
    }

    private void ollamaChat(HttpExchange exchange, JsonNode body, boolean isGenerate, Answer answer) throws IOException {
        JsonNode messages = isGenerate
                ? NODES.arrayNode().add(NODES.objectNode().put("role", "user").put("content", body.path("prompt").asText("")))
                : body.has("messages") ? body.get("messages") : NODES.arrayNode();
        String model = body.path("model").asText(models.getFirst());
        String createdAt = Instant.now().toString();
        SimulatedReplies.ToolCall call = isGenerate ? null : toolCall(answer, body);
        String text = call != null ? "" : textFor(answer, body, messages);
        List<String> tokens = SimulatedReplies.tokens(text);
        ObjectNode last = NODES.objectNode().put("model", model).put("created_at", createdAt).put("done", true).put("done_reason", "stop")
                .put("total_duration", 1_000_000).put("load_duration", 1000)
                .put("prompt_eval_count", SimulatedReplies.write(messages).length() >> 2).put("prompt_eval_duration", 1000)
                .put("eval_count", tokens.size()).put("eval_duration", 1000);
        pause(firstTokenDelay);
        if (body.path("stream").isBoolean() && !body.get("stream").asBoolean()) {
            pause(tokenDelay.multipliedBy(tokens.size()));
            ObjectNode reply = last.deepCopy();
            if (isGenerate) {
                reply.put("response", text);
            } else {
                ObjectNode message = reply.putObject("message").put("role", "assistant").put("content", text);
                if (call != null) message.set("tool_calls", ollamaToolCalls(call));
            }
            if (answer instanceof StallAfterHeaders) stall(exchange, "application/json", SimulatedReplies.write(reply));
            else json(exchange, 200, reply);
            return;
        }
        try (OutputStream out = stream(exchange, "application/x-ndjson")) {
            if (call != null) { // as Ollama streams a tool call: one chunk carrying it, then the closing chunk
                ObjectNode chunk = NODES.objectNode().put("model", model).put("created_at", createdAt);
                chunk.putObject("message").put("role", "assistant").put("content", "").set("tool_calls", ollamaToolCalls(call));
                chunk.put("done", false);
                line(out, chunk);
                last.putObject("message").put("role", "assistant").put("content", "");
                line(out, last);
                return;
            }
            for (String token : tokens) {
                ObjectNode chunk = NODES.objectNode().put("model", model).put("created_at", createdAt);
                if (isGenerate) chunk.put("response", token);
                else chunk.putObject("message").put("role", "assistant").put("content", token);
                chunk.put("done", false);
                line(out, chunk);
                if (answer instanceof StallAfterHeaders) { awaitClose(); return; }
                pause(tokenDelay);
            }
            if (isGenerate) last.put("response", "");
            else last.putObject("message").put("role", "assistant").put("content", "");
            line(out, last);
        }
    }

    private void openAiChat(HttpExchange exchange, JsonNode body, Answer answer) throws IOException {
        String model = body.path("model").asText(models.getFirst());
        String id = "chatcmpl-sim-" + sim.next();
        long created = Instant.now().getEpochSecond();
        SimulatedReplies.ToolCall call = toolCall(answer, body);
        String callId = "call_sim_" + sim.next();
        JsonNode messages = body.has("messages") ? body.get("messages") : NODES.arrayNode();
        String text = call != null ? "" : textFor(answer, body, messages);
        List<String> tokens = SimulatedReplies.tokens(text);
        ObjectNode usage = NODES.objectNode().put("prompt_tokens", SimulatedReplies.write(messages).length() >> 2)
                .put("completion_tokens", tokens.size());
        usage.put("total_tokens", usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
        pause(firstTokenDelay);
        if (!body.path("stream").asBoolean(false)) {
            pause(tokenDelay.multipliedBy(tokens.size()));
            ObjectNode message = NODES.objectNode().put("role", "assistant");
            if (call != null) {
                message.putNull("content");
                ObjectNode function = message.putArray("tool_calls").addObject().put("id", callId).put("type", "function").putObject("function");
                function.put("name", call.name()).put("arguments", SimulatedReplies.write(call.arguments()));
            } else {
                message.put("content", text);
            }
            ObjectNode reply = NODES.objectNode().put("id", id).put("object", "chat.completion").put("created", created).put("model", model);
            reply.putArray("choices").addObject().put("index", 0).<ObjectNode>set("message", message)
                    .put("finish_reason", call != null ? "tool_calls" : "stop");
            reply.set("usage", usage);
            if (answer instanceof StallAfterHeaders) stall(exchange, "application/json", SimulatedReplies.write(reply));
            else json(exchange, 200, reply);
            return;
        }
        try (OutputStream out = stream(exchange, "text/event-stream")) {
            ObjectNode first = NODES.objectNode().put("role", "assistant");
            if (call != null) first.putNull("content"); else first.put("content", "");
            event(out, chunk(id, created, model, first, null));
            if (call != null) { // as OpenAI streams a tool call: id and name first, then the arguments in pieces
                ObjectNode opening = NODES.objectNode();
                opening.putArray("tool_calls").addObject().put("index", 0).put("id", callId).put("type", "function")
                        .putObject("function").put("name", call.name()).put("arguments", "");
                event(out, chunk(id, created, model, opening, null));
                for (String piece : SimulatedReplies.tokens(SimulatedReplies.write(call.arguments()))) {
                    ObjectNode delta = NODES.objectNode();
                    delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", piece);
                    event(out, chunk(id, created, model, delta, null));
                }
                event(out, chunk(id, created, model, NODES.objectNode(), "tool_calls"));
            } else {
                for (String token : tokens) {
                    event(out, chunk(id, created, model, NODES.objectNode().put("content", token), null));
                    if (answer instanceof StallAfterHeaders) { awaitClose(); return; }
                    pause(tokenDelay);
                }
                event(out, chunk(id, created, model, NODES.objectNode(), "stop"));
            }
            if (body.path("stream_options").path("include_usage").asBoolean(false)) {
                ObjectNode usageChunk = NODES.objectNode().put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
                usageChunk.putArray("choices");
                usageChunk.set("usage", usage);
                event(out, usageChunk);
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private SimulatedReplies.ToolCall toolCall(Answer answer, JsonNode body) {
        if (answer instanceof ScriptedToolCall scripted) return new SimulatedReplies.ToolCall(scripted.name(), readJson(scripted.argumentsJson()));
        return tools && answer instanceof Simulated ? sim.toolCall(body) : null;
    }

    private String textFor(Answer answer, JsonNode body, JsonNode messages) {
        return switch (answer) {
            case Content content -> content.text();
            case Malformed malformed -> {
                SimulatedReplies.Reply reply = sim.replyFor(body, messages);
                yield reply.fromSchema() ? malformed.how().apply(reply.text()) : reply.text();
            }
            default -> sim.replyFor(body, messages).text();
        };
    }

    private ArrayNode ollamaToolCalls(SimulatedReplies.ToolCall call) {
        ArrayNode calls = NODES.arrayNode();
        ObjectNode entry = calls.addObject().put("id", "call_" + sim.next());
        entry.putObject("function").put("index", 0).put("name", call.name()).set("arguments", call.arguments());
        return calls;
    }

    private static ObjectNode chunk(String id, long created, String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = NODES.objectNode().put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
        chunk.putArray("choices").addObject().put("index", 0).<ObjectNode>set("delta", delta).put("finish_reason", finishReason);
        return chunk;
    }

    private ObjectNode tags() {
        ObjectNode tags = NODES.objectNode();
        ArrayNode list = tags.putArray("models");
        for (String m : models) {
            ObjectNode entry = list.addObject().put("name", m).put("model", m).put("modified_at", Instant.now().toString())
                    .put("size", 2_019_393_189L).put("digest", "sim");
            entry.putObject("details").put("format", "gguf").put("family", "llama").put("parameter_size", "3.2B")
                    .put("quantization_level", "Q4_K_M");
        }
        return tags;
    }

    private ObjectNode openAiModels() {
        ObjectNode list = NODES.objectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (String m : models) data.addObject().put("id", m).put("object", "model").put("created", 0).put("owned_by", "sim");
        return list;
    }

    private static ObjectNode ollamaError(String message) { return NODES.objectNode().put("error", message); }

    private static ObjectNode openAiError(String message, String type, String code) {
        ObjectNode error = NODES.objectNode();
        error.putObject("error").put("message", message).put("type", type).putNull("param").put("code", code);
        return error;
    }

    private void stall(HttpExchange exchange, String contentType, String body) throws IOException {
        OutputStream out = stream(exchange, contentType);
        out.write(body.substring(0, body.length() / 2).getBytes(StandardCharsets.UTF_8));
        out.flush();
        awaitClose();
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) return;
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OutputStream stream(HttpExchange exchange, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (contentType.equals("text/event-stream")) exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void line(OutputStream out, JsonNode value) throws IOException {
        out.write((SimulatedReplies.write(value) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void event(OutputStream out, JsonNode value) throws IOException {
        out.write(("data: " + SimulatedReplies.write(value) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Embedding requests are answered with this HTTP error from now on; 0 answers them again. */
    public LlmWireFixture failEmbeddings(int status) {
        embeddingFailure = status;
        return this;
    }

    private void embeddings(HttpExchange exchange, String path, JsonNode body) throws IOException {
        boolean openAi = path.startsWith("/v1/");
        String model = body.path("model").asText("");
        if (embeddingFailure == 404) { // what each server says about a model it does not have
            json(exchange, 404, openAi ? openAiError("The model '" + model + "' does not exist", "invalid_request_error", "model_not_found")
                    : ollamaError("model \"" + model + "\" not found, try pulling it first"));
            return;
        }
        if (embeddingFailure != 0) {
            json(exchange, embeddingFailure, openAi ? openAiError("simulated failure", "server_error", null) : ollamaError("simulated failure"));
            return;
        }
        JsonNode input = body.path("input");
        List<String> texts = input.isArray() ? java.util.stream.StreamSupport.stream(input.spliterator(), false).map(JsonNode::asText).toList()
                : List.of(input.asText(""));
        if (openAi) {
            ObjectNode answer = NODES.objectNode().put("object", "list").put("model", model);
            ArrayNode data = answer.putArray("data");
            for (int i = 0; i < texts.size(); i++) {
                ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
                vector(texts.get(i), item.putArray("embedding"));
            }
            answer.putObject("usage").put("prompt_tokens", 0).put("total_tokens", 0);
            json(exchange, 200, answer);
        } else {
            ObjectNode answer = NODES.objectNode().put("model", model);
            ArrayNode vectors = answer.putArray("embeddings");
            texts.forEach(t -> vector(t, vectors.addArray()));
            json(exchange, 200, answer);
        }
    }

    /** sim-llm's embed(): FNV-1a hashes of the lower-cased text's trigrams (padded with a space) counted in 64 buckets, normalised. */
    static double[] trigramVector(String text) {
        double[] v = new double[64];
        String t = " " + text.toLowerCase(java.util.Locale.ROOT) + " ";
        for (int i = 0; i + 3 <= t.length(); i++) {
            int h = (int) 2166136261L;
            String gram = t.substring(i, i + 3);
            for (int cp : gram.codePoints().toArray()) h = (h ^ cp) * 16777619;
            v[(int) (Integer.toUnsignedLong(h) % 64)] += 1;
        }
        double n = 0;
        for (double x : v) n += x * x;
        n = n == 0 ? 1 : Math.sqrt(n);
        for (int i = 0; i < v.length; i++) v[i] /= n;
        return v;
    }

    private static void vector(String text, ArrayNode into) {
        for (double x : trigramVector(text)) into.add(x);
    }

    private static void json(HttpExchange exchange, int status, JsonNode value) throws IOException {
        send(exchange, status, "application/json", SimulatedReplies.write(value));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static JsonNode readJson(String text) {
        try {
            return SimulatedReplies.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
