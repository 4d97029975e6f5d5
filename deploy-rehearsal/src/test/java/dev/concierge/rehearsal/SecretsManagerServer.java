package dev.concierge.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local server speaking Secrets Manager's wire protocol (AWS JSON 1.1, {@code GetSecretValue}), as the secrets
 * adapter's own tests have it: the app resolves the task's secrets through it with {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}.
 * Secrets are known by name, by full ARN (with Secrets Manager's 6-character suffix) and by partial ARN (without it),
 * as ECS references them.
 */
final class SecretsManagerServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    SecretsManagerServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    static String arnOf(String name) {
        return "arn:aws:secretsmanager:" + CloudFormationValues.REGION + ":" + CloudFormationValues.ACCOUNT + ":secret:" + name + "-AbCdEf";
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void put(String name, String secretString) {
        secrets.put(name, secretString);
    }

    private Optional<String> nameOf(String secretId) {
        if (secrets.containsKey(secretId)) return Optional.of(secretId);
        if (!secretId.startsWith("arn:")) return Optional.empty();
        String name = secretId.substring(secretId.indexOf(":secret:") + ":secret:".length());
        if (secrets.containsKey(name)) return Optional.of(name);
        String withoutSuffix = name.replaceAll("-[A-Za-z0-9]{6}$", "");
        return secrets.containsKey(withoutSuffix) ? Optional.of(withoutSuffix) : Optional.empty();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Optional<String> name = nameOf(body.path("SecretId").asText());
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                error(exchange, "UnknownOperationException", "Unsupported operation " + target);
            } else if (name.isEmpty()) {
                error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            } else {
                send(exchange, 200, JSON.writeValueAsBytes(Map.of(
                        "ARN", arnOf(name.get()), "Name", name.get(), "SecretString", secrets.get(name.get()),
                        "VersionId", "00000000-0000-0000-0000-000000000001", "VersionStages", List.of("AWSCURRENT"),
                        "CreatedDate", 1.7e9)));
            }
        }
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        send(exchange, 400, JSON.writeValueAsBytes(Map.of("__type", type, "message", message)));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override public void close() {
        server.stop(0);
    }
}
