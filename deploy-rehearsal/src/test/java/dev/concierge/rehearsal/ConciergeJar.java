package dev.concierge.rehearsal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real runnable jar started as a child process with exactly the environment it is given (nothing inherited),
 * the JVM flags of the image's Dockerfile, and a check that it answers {@code GET /health} 200, then that the
 * container's own health-check command passes against it.
 */
final class ConciergeJar {
    /** How long a start may take on a loaded build machine (migrations included). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** PostgreSQL refused the credentials: in the rehearsal's fixed world no retry can succeed, so stop waiting. */
    private static final String REFUSED_LOGIN = "password authentication failed";

    /** The outcome of one start: passed, or why not with the end of the app's output. */
    record Outcome(boolean started, String detail) {}

    private ConciergeJar() {}

    /** Starts {@code jar} with the image's JVM flags less its ahead-of-time cache, which the image trains at /app. */
    static Outcome start(Path jar, Map<String, String> environment, List<String> healthCheck, int port, Path log) {
        List<String> flags = imageJvmFlags(jar).stream().filter(flag -> !flag.startsWith("-XX:AOTCache")).toList();
        return start(jar, flags, environment, healthCheck, port, log);
    }

    static Outcome start(Path jar, List<String> jvmFlags, Map<String, String> environment, List<String> healthCheck, int port, Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Outcome(false, "cannot start java: " + e.getMessage());
        }
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            int status = -1;
            while (Instant.now().isBefore(deadline) && process.isAlive() && !tail(log).contains(REFUSED_LOGIN)) {
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) break;
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            if (status != 200) {
                return new Outcome(false, (process.isAlive() ? "GET /health answered " + status + " (-1: not listening) until "
                        + (tail(log).contains(REFUSED_LOGIN) ? "PostgreSQL refused the login" : "the timeout")
                        : "the app exited with " + process.waitFor()) + "; its output ends:\n" + tail(log));
            }
            // The container's command, aimed at the port the rehearsal gave the app instead of the container's 8080.
            String check = healthCheck.get(1).replace("localhost:8080", "localhost:" + port);
            Process healthProcess = new ProcessBuilder("sh", "-c", check).redirectErrorStream(true).start();
            String healthOutput = new String(healthProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!healthProcess.waitFor(30, TimeUnit.SECONDS) || healthProcess.exitValue() != 0) {
                return new Outcome(false, "the container's health check '" + check + "' failed: " + healthOutput);
            }
            return new Outcome(true, "GET /health 200 and '" + check + "' passed");
        } catch (IOException | InterruptedException e) {
            return new Outcome(false, e.toString());
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The image's JAVA_OPTS, from the Dockerfile beside the jar's project; none when it cannot be read. */
    static List<String> imageJvmFlags(Path jar) {
        try {
            String dockerfile = Files.readString(jar.getParent().getParent().getParent().resolve("Dockerfile"));
            Matcher options = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(dockerfile);
            if (!options.find()) return List.of();
            return Arrays.asList(options.group(1).split("\\s+"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
