package dev.concierge.bootstrap;

import dev.concierge.adapter.llm.LlmConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting, read from environment variables, each with a default that runs on a laptop. README's settings
 * table lists the same names; a test checks the two agree.
 */
public record Settings(
        String host,
        int port,
        Path dataDirectory,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        int databasePoolSize,
        LlmConfig llm,
        String localUser,
        java.util.Set<String> localGroups,
        LogFormat logFormat,
        ZoneId timeZone,
        Duration shutdownDrain) {

    public enum LogFormat { TEXT, JSON }

    /** Name, default (null when unset means "none"), meaning: the README table is checked against this list. */
    public record Setting(String name, String defaultValue, String meaning) {}

    public static final List<Setting> ALL = List.of(
            new Setting("PORT", "8080", "HTTP port"),
            new Setting("HOST", "0.0.0.0", "Interface to listen on"),
            new Setting("DATA_DIR", "./data", "Where the embedded PostgreSQL keeps its data"),
            new Setting("DATABASE_URL", null, "PostgreSQL server; unset means embedded"),
            new Setting("DATABASE_USER", null, "Database user"),
            new Setting("DATABASE_PASSWORD", null, "Database password"),
            new Setting("DATABASE_POOL_SIZE", "10", "Connections in the pool"),
            new Setting("LLM_PROVIDER", "ollama", "ollama or openai"),
            new Setting("OLLAMA_BASE_URL", "http://localhost:11434", "Ollama server"),
            new Setting("OLLAMA_MODEL", "qwen2.5:7b", "Ollama model"),
            new Setting("OPENAI_API_KEY", null, "OpenAI (or compatible) API key"),
            new Setting("OPENAI_BASE_URL", "https://api.openai.com/v1", "OpenAI-compatible server"),
            new Setting("OPENAI_MODEL", "gpt-4o-mini", "OpenAI model"),
            new Setting("LLM_TIMEOUT_SECONDS", "120", "Longest wait for one model call"),
            new Setting("LOCAL_USER", "local", "The user everyone is on a laptop"),
            new Setting("LOCAL_GROUPS", "qa", "Comma-separated groups (teams) of the local user"),
            new Setting("LOG_FORMAT", "text", "text or json"),
            new Setting("APP_TIME_ZONE", "Asia/Tokyo", "Time zone of 'today'"),
            new Setting("SHUTDOWN_DRAIN_SECONDS", "20", "How long SIGTERM waits for in-flight requests"),
            // Read by SettingsSource before the rest: any setting may be a Secrets Manager reference.
            new Setting("AWS_REGION", null, "Region of Secrets Manager references; unset: the ARN's or the AWS SDK's"),
            new Setting("AWS_ENDPOINT_URL_SECRETS_MANAGER", null, "Another Secrets Manager endpoint (LocalStack, tests)"));

    /** Reads the settings, reporting every bad value at once so a person fixes them in one go. */
    public static Settings from(Map<String, String> env) {
        var reader = new Reader(env);
        LlmConfig.Provider provider = reader.choice("LLM_PROVIDER", LlmConfig.Provider.class);
        var settings = new Settings(
                reader.text("HOST"),
                reader.integer("PORT", 0, 65_535),
                Path.of(reader.text("DATA_DIR")),
                reader.optional("DATABASE_URL"),
                reader.optional("DATABASE_USER"),
                reader.optional("DATABASE_PASSWORD"),
                reader.integer("DATABASE_POOL_SIZE", 1, 500),
                new LlmConfig(provider,
                        reader.uri("OLLAMA_BASE_URL"),
                        reader.text("OLLAMA_MODEL"),
                        reader.optional("OPENAI_API_KEY"),
                        reader.uri("OPENAI_BASE_URL"),
                        reader.text("OPENAI_MODEL"),
                        Duration.ofSeconds(reader.integer("LLM_TIMEOUT_SECONDS", 1, 3600))),
                reader.text("LOCAL_USER"),
                groups(reader.text("LOCAL_GROUPS")),
                reader.choice("LOG_FORMAT", LogFormat.class),
                reader.parsed("APP_TIME_ZONE", ZoneId::of, "a time zone such as Asia/Tokyo or UTC"),
                Duration.ofSeconds(reader.integer("SHUTDOWN_DRAIN_SECONDS", 0, 600)));
        if (provider == LlmConfig.Provider.OPENAI && settings.llm().openAiApiKey().isEmpty()
                && settings.llm().openAiBaseUrl().getHost().endsWith("openai.com")) {
            reader.problems.add("OPENAI_API_KEY: LLM_PROVIDER=openai needs an API key (or set OPENAI_BASE_URL to a compatible server that needs none)");
        }
        if (settings.localUser().isBlank() || settings.localUser().length() > 200) {
            reader.problems.add("LOCAL_USER: must be 1 to 200 characters");
        }
        if (!reader.problems.isEmpty()) throw new InvalidSettings(reader.problems);
        return settings;
    }

    public boolean embeddedDatabase() { return databaseUrl.isEmpty(); }

    private static java.util.Set<String> groups(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(g -> !g.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Start-up stops with every problem listed, each naming its variable. */
    public static final class InvalidSettings extends RuntimeException {
        public InvalidSettings(List<String> problems) {
            super("Concierge cannot start; fix these settings:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) { this.env = env; }

        Optional<String> optional(String name) {
            return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        }

        String text(String name) { return optional(name).orElseGet(() -> defaultOf(name)); }

        int integer(String name, int min, int max) {
            String value = text(name);
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) return parsed;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add(name + ": must be a whole number from " + min + " to " + max + ", got '" + value + "'");
            return Integer.parseInt(defaultOf(name));
        }

        URI uri(String name) {
            return parsed(name, value -> {
                URI uri = URI.create(value);
                if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
                return uri;
            }, "an http(s) URL such as " + defaultOf(name));
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            String value = text(name);
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(name + ": must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + value + "'");
                return Enum.valueOf(type, defaultOf(name).toUpperCase(Locale.ROOT));
            }
        }

        <T> T parsed(String name, Function<String, T> parse, String expected) {
            String value = text(name);
            try {
                return parse.apply(value);
            } catch (RuntimeException e) {
                problems.add(name + ": must be " + expected + ", got '" + value + "'");
                return parse.apply(defaultOf(name));
            }
        }

        private static String defaultOf(String name) {
            return ALL.stream().filter(s -> s.name().equals(name)).findFirst().map(Setting::defaultValue)
                    .orElseThrow(() -> new IllegalStateException("no default for " + name));
        }
    }
}
