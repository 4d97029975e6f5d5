package dev.concierge.rehearsal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** An identity provider's discovery document and (empty) key set, standing in for the deployer's IdP at start. */
final class OidcProviderServer implements AutoCloseable {
    private final HttpServer server;

    OidcProviderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> send(exchange, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "userinfo_endpoint":"%1$s/userinfo","jwks_uri":"%1$s/jwks","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
                 "code_challenge_methods_supported":["S256"],"scopes_supported":["openid","email","profile"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}
                """.formatted(issuer())));
        server.createContext("/jwks", exchange -> send(exchange, "{\"keys\":[]}"));
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        try (exchange) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override public void close() {
        server.stop(0);
    }
}
