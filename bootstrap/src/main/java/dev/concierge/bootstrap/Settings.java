package dev.concierge.bootstrap;

import dev.concierge.adapter.files.FilesConfig;
import dev.concierge.adapter.http.HttpServer;
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
        int httpThreads,
        Path dataDirectory,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        int databasePoolSize,
        LlmConfig llm,
        String localUser,
        java.util.Set<String> localGroups,
        LogFormat logFormat,
        HttpServer.AccessLog accessLog,
        ZoneId timeZone,
        Duration shutdownDrain,
        GenerationSettings generation,
        Optional<Path> travelPolicyFile,
        Identity identity,
        LlmLimits llmLimits,
        Role role,
        Optional<QueueMetrics> queueMetrics,
        Optional<DatabaseOwner> databaseMigration,
        Duration httpBodyDeadline,
        FilesConfig files,
        Map<String, String> openTelemetry,
        int routeFallbackSpeedKmh,
        TripApprovals tripApprovals,
        int draftRepairRounds) {

    public enum LogFormat { TEXT, JSON }

    /**
     * What this instance does, from the same jar: {@code all} (a laptop: pages, API, chat and generation workers),
     * {@code web} (pages, API, chat; no generation workers) or {@code worker} (generation workers; serves only health
     * and metrics).
     */
    public enum Role {
        ALL, WEB, WORKER;

        /** Pages, the API and chat. */
        public boolean servesUsers() { return this != WORKER; }

        /** Claims and runs queued generation jobs. */
        public boolean runsGenerationWorkers() { return this != WEB; }
    }

    /** The queue's depth and age printed as a CloudWatch Embedded Metric Format line every {@code interval}. */
    public record QueueMetrics(String namespace, Duration interval) {}

    /**
     * The database owner's credentials, used only at start to migrate and to keep the application's own role
     * ({@code DATABASE_USER}) in shape; the pool never connects with them.
     */
    public record DatabaseOwner(String user, Optional<String> password) {
        @Override public String toString() { return "DatabaseOwner[user=" + user + ", password=***]"; }
    }

    /**
     * The generation workers of this instance: how many jobs run at once, how often an idle worker looks for work,
     * how long a claim holds without a heartbeat, and how a job waits for a model that is unavailable.
     */
    /**
     * {@code modelReview}: a second model pass reviews every generated procedure against its case (one more call each).
     * {@code embeddingModel}: the provider's embedding model for the duplicates check ({@code auto}: a multilingual one);
     * {@code duplicateThreshold}: the cosine similarity from which two cases are shown as near-duplicates.
     */
    public record GenerationSettings(int concurrency, Duration pollInterval, Duration lease, int maxAttempts, Duration firstRetryDelay,
                                     boolean modelReview, String embeddingModel, double duplicateThreshold) {
        public static final String AUTO_EMBEDDING_MODEL = "auto";
        public static final double DEFAULT_DUPLICATE_THRESHOLD = 0.92;

        public GenerationSettings(int concurrency, Duration pollInterval, Duration lease, int maxAttempts, Duration firstRetryDelay) {
            this(concurrency, pollInterval, lease, maxAttempts, firstRetryDelay, false);
        }

        public GenerationSettings(int concurrency, Duration pollInterval, Duration lease, int maxAttempts, Duration firstRetryDelay,
                                  boolean modelReview) {
            this(concurrency, pollInterval, lease, maxAttempts, firstRetryDelay, modelReview, AUTO_EMBEDDING_MODEL, DEFAULT_DUPLICATE_THRESHOLD);
        }

        /** The same, with no workers on this instance. */
        public GenerationSettings withoutWorkers() {
            return new GenerationSettings(0, pollInterval, lease, maxAttempts, firstRetryDelay, modelReview, embeddingModel, duplicateThreshold);
        }
    }

    public enum AuthMode { LOCAL, ALB, OIDC }

    /**
     * Who is calling: everyone is {@code LOCAL_USER} ({@code local}), or the user the load balancer's signed header
     * names ({@code alb}: its signer must be {@code albSignerArn}, keys come from {@code albPublicKeyUrl}).
     */
    public record Identity(AuthMode mode, Optional<String> albSignerArn, Optional<URI> albPublicKeyUrl, String groupsClaim,
                           Optional<Oidc> oidc) {}

    /** {@code AUTH_MODE=oidc}: the app's own OpenID Connect sign-in. */
    public record Oidc(URI issuer, String clientId, String clientSecret, URI publicBaseUrl, byte[] sessionSecret) {
        @Override public String toString() { return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", publicBaseUrl=" + publicBaseUrl + "]"; }
    }

    /** Per-user rate and per-instance concurrency of LLM calls (routes marked with the LLM route role). */
    public record LlmLimits(int callsPerUserPerMinute, int maxConcurrentCalls) {}

    /**
     * Trip approval: the group whose members approve any trip (empty: only the managers named in the travellers file),
     * the travellers file, and the SMTP server notifications are e-mailed through (empty: in-app only).
     */
    public record TripApprovals(Optional<String> approverGroup, Optional<Path> travellersFile, Optional<Smtp> smtp) {}

    /** An SMTP server: {@code startTls} upgrades the connection; user and password when it requires a login. */
    public record Smtp(String host, int port, String from, Optional<String> user, Optional<String> password, boolean startTls) {}

    /** Name, default (null when unset means "none"), meaning: the README table is checked against this list. */
    public record Setting(String name, String defaultValue, String meaning) {}

    public static final List<Setting> ALL = List.of(
            new Setting("PORT", "8080", "HTTP port"),
            new Setting("HOST", "127.0.0.1", "Interface to listen on; the default serves this machine only (with the default AUTH_MODE=local anyone reaching the port acts as LOCAL_USER). The image and the ECS task set 0.0.0.0"),
            new Setting("HTTP_THREADS", "12", "Platform threads serving requests, Jetty's acceptor and selector included; about DATABASE_POOL_SIZE + 2"),
            new Setting("HTTP_BODY_TIMEOUT_SECONDS", "20", "How long a client may take to send a request body before it is answered 408"),
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
            new Setting("ACCESS_LOG", "failures", "Requests with a line in the access log: all, failures (status 400 and above) or off"),
            new Setting("APP_TIME_ZONE", "Asia/Tokyo", "Time zone of 'today'"),
            new Setting("SHUTDOWN_DRAIN_SECONDS", "20", "How long SIGTERM waits for in-flight requests"),
            new Setting("GENERATION_CONCURRENCY", "2", "Generation jobs run at once by this instance; 0 runs none"),
            new Setting("GENERATION_POLL_MILLIS", "500", "How often an idle generation worker looks for queued jobs; jobs queued on this instance wake its workers at once"),
            new Setting("GENERATION_LEASE_SECONDS", "120", "How long a claimed job stays with a worker that stopped renewing it"),
            new Setting("GENERATION_MAX_ATTEMPTS", "10", "Attempts of a job while the model is unavailable before it fails"),
            new Setting("GENERATION_RETRY_DELAY_SECONDS", "5", "First wait before retrying; doubles per attempt, with jitter, up to 5 minutes"),
            new Setting("GENERATION_MODEL_REVIEW", "false", "true: a second model pass reviews each generated procedure against its case and keeps its findings (one more model call per procedure)"),
            new Setting("GENERATION_EMBEDDING_MODEL", "auto", "Embedding model of LLM_PROVIDER for the duplicates check (same server as the generator); auto: bge-m3 on Ollama, text-embedding-3-small on OpenAI (both multilingual)"),
            new Setting("GENERATION_DUPLICATE_THRESHOLD", "0.92", "Cosine similarity (above 0, at most 1) from which two test cases are shown as near-duplicates"),
            new Setting("TRAVEL_POLICY_FILE", null, "Travel policy properties file; unset means the built-in domestic-Japan policy"),
            new Setting("ROUTE_FALLBACK_SPEED_KMH", "60", "Day route: door-to-door speed assumed between two known cities the built-in travel-time table does not pair (1 to 1000)"),
            new Setting("DRAFT_REPAIR_ROUNDS", "2", "Itinerary drafts: how many times a draft that breaks an itinerary rule goes back to the model with the violations (0 to 5; each is one more model call)"),
            new Setting("TRIP_APPROVER_GROUP", "trip-approvers", "Group whose members approve or reject submitted trips (never their own); none: only the managers named in TRAVELLERS_FILE"),
            new Setting("TRAVELLERS_FILE", null, "Travellers properties file: each user's grade, manager (an approver of their trips) and e-mail address"),
            new Setting("SMTP_HOST", null, "SMTP server for approval notifications by e-mail; unset: notifications stay in the app"),
            new Setting("SMTP_PORT", "25", "Port of SMTP_HOST"),
            new Setting("SMTP_FROM", "concierge@localhost", "Sender address of notification e-mails"),
            new Setting("SMTP_USER", null, "User name when the SMTP server requires a login"),
            new Setting("SMTP_PASSWORD", null, "Password of SMTP_USER (may be a secretsmanager: reference)"),
            new Setting("SMTP_STARTTLS", "false", "true: upgrade the SMTP connection with STARTTLS (required when true)"),
            // platform: identity and limits
            new Setting("AUTH_MODE", "local", "local (everyone is LOCAL_USER), alb (the load balancer's signed OIDC header) or oidc (the app's own OpenID Connect sign-in)"),
            new Setting("OIDC_ISSUER", null, "oidc mode: the identity provider's issuer URL (discovery at <issuer>/.well-known/openid-configuration)"),
            new Setting("OIDC_CLIENT_ID", null, "oidc mode: the client id registered at the identity provider"),
            new Setting("OIDC_CLIENT_SECRET", null, "oidc mode: the client secret (may be a secretsmanager: reference)"),
            new Setting("PUBLIC_BASE_URL", null, "oidc mode: the URL users type; the redirect URI is <PUBLIC_BASE_URL>/auth/callback"),
            new Setting("SESSION_SECRET", null, "oidc mode: at least 32 bytes signing the session cookie (a secret; may be a secretsmanager: reference)"),
            new Setting("ALB_SIGNER_ARN", null, "ARN of the load balancer whose identity header is trusted (alb mode)"),
            new Setting("AWS_REGION", null, "AWS region: the load balancer's public-key endpoint, Secrets Manager references"),
            new Setting("ALB_PUBLIC_KEY_URL", "https://public-keys.auth.elb.${AWS_REGION}.amazonaws.com", "Where the load balancer's signing keys are fetched by key id"),
            new Setting("AUTH_GROUPS_CLAIM", "groups", "Claim of the identity token holding the user's groups"),
            new Setting("ALLOW_LOCAL_AUTH_WITH_REMOTE_DATABASE", "false", "Allow AUTH_MODE=local against a non-local DATABASE_URL"),
            new Setting("LLM_RATE_LIMIT_PER_MINUTE", "20", "LLM calls one user may start per minute"),
            new Setting("LLM_MAX_CONCURRENT_CALLS", "4", "LLM calls one instance runs at once"),
            // deployment: tiers, scaling metric, database roles
            new Setting("ROLE", "all", "all (pages, API, chat and generation workers), web (no generation workers) or worker (generation workers; only /health, /health/ready and /metrics)"),
            new Setting("QUEUE_METRICS_NAMESPACE", null, "CloudWatch namespace; when set, the generation queue's depth and age are printed to stdout as an Embedded Metric Format line"),
            new Setting("QUEUE_METRICS_INTERVAL_SECONDS", "60", "How often that line is printed"),
            new Setting("DATABASE_MIGRATION_USER", null, "Database owner used only at start, to migrate and to create or update the least-privileged DATABASE_USER; unset: the pool's user migrates"),
            new Setting("DATABASE_MIGRATION_PASSWORD", null, "Password of DATABASE_MIGRATION_USER"),
            // stored files: exports and the originals of imports
            new Setting("FILES_STORE", "local", "Where exports and import originals are kept: local (the directory FILES_DIR) or s3 (the bucket FILES_BUCKET)"),
            new Setting("FILES_DIR", "${DATA_DIR}/files", "Directory of the local file store"),
            new Setting("FILES_BUCKET", null, "S3 bucket of the file store (required with FILES_STORE=s3)"),
            new Setting("FILES_PREFIX", null, "Key prefix inside the bucket, e.g. concierge/dev/"),
            new Setting("AWS_ENDPOINT_URL_S3", null, "Another S3 endpoint (a local server speaking the S3 protocol, MinIO); the bucket is then addressed by path"),
            // Read by SettingsSource before the rest: any setting may be a Secrets Manager reference.
            new Setting("AWS_ENDPOINT_URL_SECRETS_MANAGER", null, "Another Secrets Manager endpoint (LocalStack, tests)"),
            // tracing: OpenTelemetry's standard variables (every OTEL_* is passed to its SDK autoconfiguration)
            new Setting("OTEL_EXPORTER_OTLP_ENDPOINT", null, "OTLP/HTTP collector receiving traces (e.g. http://localhost:4318); unset with OTEL_TRACES_EXPORTER unset means no tracing"),
            new Setting("OTEL_TRACES_EXPORTER", null, "otlp, console or none; setting it (other than none) turns tracing on"),
            new Setting("OTEL_EXPORTER_OTLP_HEADERS", null, "Headers for the collector, e.g. Authorization=Basic ... for Langfuse; may be a secret reference"),
            new Setting("OTEL_SERVICE_NAME", "concierge", "Service name on every span"),
            new Setting("OTEL_RESOURCE_ATTRIBUTES", null, "More attributes of every span's resource, e.g. deployment.environment=prod"),
            new Setting("OTEL_TRACES_SAMPLER", "parentbased_always_on", "Which requests are traced (e.g. parentbased_traceidratio with OTEL_TRACES_SAMPLER_ARG=0.1)"),
            new Setting("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "false", "true records prompts, completions and tool results in model-call spans"));

    /** Reads the settings, reporting every bad value at once so a person fixes them in one go. */
    public static Settings from(Map<String, String> env) {
        var reader = new Reader(env);
        LlmConfig.Provider provider = reader.choice("LLM_PROVIDER", LlmConfig.Provider.class);
        var settings = new Settings(
                reader.text("HOST"),
                reader.integer("PORT", 0, 65_535),
                reader.integer("HTTP_THREADS", 4, 1_000),
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
                reader.choice("ACCESS_LOG", HttpServer.AccessLog.class),
                reader.parsed("APP_TIME_ZONE", ZoneId::of, "a time zone such as Asia/Tokyo or UTC"),
                Duration.ofSeconds(reader.integer("SHUTDOWN_DRAIN_SECONDS", 0, 600)),
                new GenerationSettings(
                        reader.integer("GENERATION_CONCURRENCY", 0, 64),
                        Duration.ofMillis(reader.integer("GENERATION_POLL_MILLIS", 10, 60_000)),
                        Duration.ofSeconds(reader.integer("GENERATION_LEASE_SECONDS", 2, 3600)),
                        reader.integer("GENERATION_MAX_ATTEMPTS", 1, 100),
                        Duration.ofSeconds(reader.integer("GENERATION_RETRY_DELAY_SECONDS", 1, 300)),
                        reader.choice("GENERATION_MODEL_REVIEW", Toggle.class) == Toggle.TRUE,
                        reader.text("GENERATION_EMBEDDING_MODEL"),
                        reader.parsed("GENERATION_DUPLICATE_THRESHOLD", Settings::threshold, "a number above 0 and at most 1, e.g. 0.92")),
                reader.optional("TRAVEL_POLICY_FILE").map(Path::of),
                identity(reader),
                new LlmLimits(reader.integer("LLM_RATE_LIMIT_PER_MINUTE", 1, 100_000),
                        reader.integer("LLM_MAX_CONCURRENT_CALLS", 1, 1_000)),
                reader.choice("ROLE", Role.class),
                queueMetrics(reader),
                reader.optional("DATABASE_MIGRATION_USER").map(user -> new DatabaseOwner(user, reader.optional("DATABASE_MIGRATION_PASSWORD"))),
                Duration.ofSeconds(reader.integer("HTTP_BODY_TIMEOUT_SECONDS", 1, 600)),
                files(reader),
                openTelemetry(env),
                reader.integer("ROUTE_FALLBACK_SPEED_KMH", 1, 1000),
                tripApprovals(reader),
                reader.integer("DRAFT_REPAIR_ROUNDS", 0, 5));
        deployment(settings, reader);
        if (provider == LlmConfig.Provider.OPENAI && settings.llm().openAiApiKey().isEmpty()
                && settings.llm().openAiBaseUrl().getHost().endsWith("openai.com")) {
            reader.problems.add("OPENAI_API_KEY: LLM_PROVIDER=openai needs an API key (or set OPENAI_BASE_URL to a compatible server that needs none)");
        }
        if (settings.localUser().isBlank() || settings.localUser().length() > 200) {
            reader.problems.add("LOCAL_USER: must be 1 to 200 characters");
        }
        boolean allowLocalWithRemote = reader.choice("ALLOW_LOCAL_AUTH_WITH_REMOTE_DATABASE", Toggle.class) == Toggle.TRUE;
        if (settings.identity().mode() == AuthMode.LOCAL && !allowLocalWithRemote) {
            settings.databaseUrl().flatMap(Settings::remoteHost).ifPresent(host -> reader.problems.add(
                    "AUTH_MODE: is local (everyone acts as LOCAL_USER) while DATABASE_URL points at " + host + ", a shared "
                    + "server; set AUTH_MODE=oidc with OIDC_ISSUER (or AUTH_MODE=alb with ALB_SIGNER_ARN), or "
                    + "ALLOW_LOCAL_AUTH_WITH_REMOTE_DATABASE=true if one shared identity is really meant"));
        }
        if (!reader.problems.isEmpty()) throw new InvalidSettings(reader.problems);
        return settings;
    }

    private enum Toggle { TRUE, FALSE }

    /** Every OTEL_* variable as given: OpenTelemetry's autoconfiguration reads and checks them. */
    private static Map<String, String> openTelemetry(Map<String, String> env) {
        var otel = new java.util.TreeMap<String, String>();
        env.forEach((name, value) -> { if (name.startsWith("OTEL_") && value != null && !value.isBlank()) otel.put(name, value.strip()); });
        return java.util.Collections.unmodifiableMap(otel);
    }

    private static Optional<QueueMetrics> queueMetrics(Reader reader) {
        Duration interval = Duration.ofSeconds(reader.integer("QUEUE_METRICS_INTERVAL_SECONDS", 1, 3600));
        return reader.optional("QUEUE_METRICS_NAMESPACE").map(namespace -> new QueueMetrics(namespace, interval));
    }

    /** Settings that only make sense together: roles, the queue metric, the database's two users. */
    private static void deployment(Settings settings, Reader reader) {
        if (settings.role() == Role.WORKER && settings.generation().concurrency() == 0) {
            reader.problems.add("GENERATION_CONCURRENCY: is 0 while ROLE=worker, whose only work is generation jobs; "
                    + "set it to 1 or more (or ROLE=web for an instance without workers)");
        }
        settings.queueMetrics().ifPresent(metrics -> {
            // CloudWatch's own rule for namespaces; a bad one would be dropped there silently.
            if (!metrics.namespace().matches("[A-Za-z0-9.\\-_/#:]{1,255}") || metrics.namespace().startsWith("AWS/")) {
                reader.problems.add("QUEUE_METRICS_NAMESPACE: must be 1 to 255 letters, digits or . - _ / # : and not start "
                        + "with AWS/ (e.g. Concierge/dev), got '" + metrics.namespace() + "'");
            }
        });
        if (reader.optional("DATABASE_MIGRATION_PASSWORD").isPresent() && settings.databaseMigration().isEmpty()) {
            reader.problems.add("DATABASE_MIGRATION_USER: is unset while DATABASE_MIGRATION_PASSWORD is set; give both, or neither "
                    + "(then DATABASE_USER migrates)");
        }
        settings.databaseMigration().ifPresent(owner -> {
            if (settings.databaseUrl().isEmpty()) {
                reader.problems.add("DATABASE_MIGRATION_USER: needs DATABASE_URL; the embedded database has one user, which migrates");
            }
            if (settings.databaseUser().isEmpty() || settings.databasePassword().isEmpty()) {
                reader.problems.add("DATABASE_USER, DATABASE_PASSWORD: DATABASE_MIGRATION_USER is set, so the app connects as its own "
                        + "role, created or updated with that name and password; set both");
            } else if (settings.databaseUser().get().equals(owner.user())) {
                reader.problems.add("DATABASE_USER: is the same as DATABASE_MIGRATION_USER ('" + owner.user() + "'); the app's "
                        + "role must be another, least-privileged one (e.g. concierge_app)");
            }
            if (settings.databaseUser().filter(user -> user.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63).isPresent()) {
                reader.problems.add("DATABASE_USER: PostgreSQL role names have at most 63 bytes");
            }
        });
    }

    private static Identity identity(Reader reader) {
        AuthMode mode = reader.choice("AUTH_MODE", AuthMode.class);
        Optional<String> signer = reader.optional("ALB_SIGNER_ARN");
        Optional<String> region = reader.optional("AWS_REGION");
        String keyUrl = reader.text("ALB_PUBLIC_KEY_URL");
        Optional<URI> publicKeyUrl = Optional.empty();
        if (keyUrl.contains("${AWS_REGION}") && region.isPresent()) keyUrl = keyUrl.replace("${AWS_REGION}", region.get());
        if (mode == AuthMode.ALB) {
            if (signer.isEmpty()) {
                reader.problems.add("ALB_SIGNER_ARN: AUTH_MODE=alb needs the ARN of the load balancer that signs the identity header");
            }
            if (keyUrl.contains("${AWS_REGION}")) {
                reader.problems.add("AWS_REGION: AUTH_MODE=alb needs it to find the load balancer's public keys (or set ALB_PUBLIC_KEY_URL)");
            } else {
                try {
                    publicKeyUrl = Optional.of(httpUrl(keyUrl));
                } catch (IllegalArgumentException e) {
                    reader.problems.add("ALB_PUBLIC_KEY_URL: must be an http(s) URL, got '" + keyUrl + "'");
                }
            }
        }
        Optional<Oidc> oidc = mode == AuthMode.OIDC ? oidc(reader) : Optional.empty();
        return new Identity(mode, signer, publicKeyUrl, reader.text("AUTH_GROUPS_CLAIM"), oidc);
    }

    /** Every missing or malformed oidc setting is reported, each saying what to give. */
    private static Optional<Oidc> oidc(Reader reader) {
        int before = reader.problems.size();
        URI issuer = requiredUrl(reader, "OIDC_ISSUER", "the identity provider's issuer URL, e.g. https://login.example.com/realms/concierge");
        Optional<String> clientId = reader.optional("OIDC_CLIENT_ID");
        if (clientId.isEmpty()) reader.problems.add("OIDC_CLIENT_ID: AUTH_MODE=oidc needs the client id registered at the identity provider");
        Optional<String> clientSecret = reader.optional("OIDC_CLIENT_SECRET");
        if (clientSecret.isEmpty()) reader.problems.add("OIDC_CLIENT_SECRET: AUTH_MODE=oidc needs the client's secret (a secretsmanager: reference works)");
        URI publicBaseUrl = requiredUrl(reader, "PUBLIC_BASE_URL", "the URL users type, e.g. http://concierge.example.internal; "
                + "register <PUBLIC_BASE_URL>/auth/callback as the redirect URI at the identity provider");
        Optional<String> secret = reader.optional("SESSION_SECRET");
        byte[] sessionSecret = secret.map(v -> v.getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElse(new byte[0]);
        if (sessionSecret.length < 32) {
            reader.problems.add("SESSION_SECRET: AUTH_MODE=oidc needs at least 32 bytes of random text to sign session cookies"
                    + (secret.isPresent() ? " (got " + sessionSecret.length + ")" : "") + ", e.g. from: openssl rand -base64 48");
        }
        if (reader.problems.size() > before) return Optional.empty();
        return Optional.of(new Oidc(issuer, clientId.get(), clientSecret.get(), publicBaseUrl, sessionSecret));
    }

    private static URI requiredUrl(Reader reader, String name, String expected) {
        Optional<String> value = reader.optional(name);
        if (value.isEmpty()) {
            reader.problems.add(name + ": AUTH_MODE=oidc needs " + expected);
            return null;
        }
        try {
            return httpUrl(value.get());
        } catch (IllegalArgumentException e) {
            reader.problems.add(name + ": must be an http(s) URL (" + expected + "), got '" + value.get() + "'");
            return null;
        }
    }

    private static TripApprovals tripApprovals(Reader reader) {
        String group = reader.text("TRIP_APPROVER_GROUP").strip();
        Optional<Smtp> smtp = reader.optional("SMTP_HOST").map(host -> new Smtp(host, reader.integer("SMTP_PORT", 1, 65_535),
                reader.text("SMTP_FROM"), reader.optional("SMTP_USER"), reader.optional("SMTP_PASSWORD"),
                reader.choice("SMTP_STARTTLS", Toggle.class) == Toggle.TRUE));
        return new TripApprovals(group.isEmpty() || group.equals("none") ? Optional.empty() : Optional.of(group),
                reader.optional("TRAVELLERS_FILE").map(Path::of), smtp);
    }

    private enum FileStore { LOCAL, S3 }

    private static FilesConfig files(Reader reader) {
        FileStore store = reader.choice("FILES_STORE", FileStore.class);
        Path directory = Path.of(reader.text("FILES_DIR").replace("${DATA_DIR}", reader.text("DATA_DIR")));
        Optional<String> bucket = reader.optional("FILES_BUCKET");
        String prefix = reader.optional("FILES_PREFIX").orElse("");
        Optional<URI> endpoint = Optional.empty();
        Optional<String> endpointText = reader.optional("AWS_ENDPOINT_URL_S3");
        if (endpointText.isPresent()) {
            try {
                endpoint = Optional.of(httpUrl(endpointText.get()));
            } catch (IllegalArgumentException e) {
                reader.problems.add("AWS_ENDPOINT_URL_S3: must be an http(s) URL such as http://localhost:9000, got '" + endpointText.get() + "'");
            }
        }
        if (!prefix.matches("[A-Za-z0-9._/-]*") || prefix.contains("..")) {
            reader.problems.add("FILES_PREFIX: may hold letters, digits, '.', '_', '-' and '/' only (e.g. concierge/dev/), got '" + prefix + "'");
            prefix = "";
        }
        if (store == FileStore.S3) {
            if (bucket.isEmpty()) {
                reader.problems.add("FILES_BUCKET: FILES_STORE=s3 needs the name of the bucket that keeps exports and import "
                        + "originals (or set FILES_STORE=local to keep them in FILES_DIR)");
            } else if (!bucket.get().matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                reader.problems.add("FILES_BUCKET: must be an S3 bucket name (3 to 63 lower-case letters, digits, '.' and '-'), got '" + bucket.get() + "'");
            }
            if (reader.optional("AWS_REGION").isEmpty() && endpoint.isEmpty()) {
                reader.problems.add("AWS_REGION: FILES_STORE=s3 needs the bucket's region (ECS sets it for tasks)");
            }
        }
        if (store == FileStore.S3 && bucket.isPresent()) {
            return new FilesConfig(FilesConfig.Store.S3, directory, bucket, prefix, endpoint, reader.optional("AWS_REGION"));
        }
        return new FilesConfig(FilesConfig.Store.LOCAL, directory, Optional.empty(), prefix, endpoint, reader.optional("AWS_REGION"));
    }

    private static URI httpUrl(String value) {
        URI uri = URI.create(value);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        return uri;
    }

    /** The first host of a PostgreSQL URL that is not this machine, if any. */
    static Optional<String> remoteHost(String databaseUrl) {
        String rest = databaseUrl.replaceFirst("^jdbc:", "").replaceFirst("^postgres(ql)?:", "");
        if (!rest.startsWith("//")) return Optional.empty(); // jdbc:postgresql:db means localhost
        rest = rest.substring(2);
        int end = rest.length();
        for (char stop : new char[] {'/', '?'}) if (rest.indexOf(stop) >= 0) end = Math.min(end, rest.indexOf(stop));
        String authority = rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        for (String hostAndPort : authority.split(",")) {
            String host = hostAndPort.startsWith("[")
                    ? hostAndPort.substring(1, Math.max(1, hostAndPort.indexOf(']')))
                    : hostAndPort.split(":", 2)[0];
            if (!isLocal(host)) return Optional.of(host);
        }
        return Optional.empty();
    }

    private static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.isEmpty() || h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    public boolean embeddedDatabase() { return databaseUrl.isEmpty(); }

    private static double threshold(String value) {
        double threshold = Double.parseDouble(value.strip());
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("out of range");
        return threshold;
    }

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
