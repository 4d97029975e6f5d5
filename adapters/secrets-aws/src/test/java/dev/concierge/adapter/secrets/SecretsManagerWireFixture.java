package dev.concierge.adapter.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local server speaking Secrets Manager's wire protocol (AWS JSON 1.1: {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.GetSecretValue} and a JSON body), for the SDK's endpoint override. It knows
 * secrets by name and by ARN, can deny access to some, and records each request it answers.
 */
final class SecretsManagerWireFixture implements AutoCloseable {
    static final String ACCOUNT = "123456789012";

    record Request(String target, String secretId, String authorization, String contentType) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Boolean> denied = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    SecretsManagerWireFixture() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stores a secret string under its name and returns its ARN (with the random suffix Secrets Manager adds). */
    String secret(String name, String secretString) {
        String arn = "arn:aws:secretsmanager:ap-northeast-1:" + ACCOUNT + ":secret:" + name + "-AbCdEf";
        secrets.put(name, secretString);
        secrets.put(arn, secretString);
        return arn;
    }

    void deny(String name) {
        denied.put(name, true);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String secretId = body.path("SecretId").asText();
            requests.add(new Request(target, secretId, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
                error(exchange, 400, "UnknownOperationException", "Unsupported operation " + target);
            } else if (denied.containsKey(secretId)) {
                error(exchange, 400, "AccessDeniedException", "User is not authorized to perform: secretsmanager:GetSecretValue");
            } else if (!secrets.containsKey(secretId)) {
                error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            } else {
                String name = secretId.startsWith("arn:") ? secretId.replaceAll(".*:secret:(.*)-[A-Za-z0-9]{6}$", "$1") : secretId;
                send(exchange, 200, JSON.writeValueAsBytes(Map.of(
                        "ARN", "arn:aws:secretsmanager:ap-northeast-1:" + ACCOUNT + ":secret:" + name + "-AbCdEf",
                        "Name", name,
                        "SecretString", secrets.get(secretId),
                        "VersionId", "00000000-0000-0000-0000-000000000001",
                        "VersionStages", List.of("AWSCURRENT"),
                        "CreatedDate", 1.7e9)));
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        send(exchange, status, JSON.writeValueAsBytes(Map.of("__type", type, "message", message)));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "fixture");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override public void close() {
        server.stop(0);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
