package dev.concierge.rehearsal;

import dev.concierge.infrastructure.InfraApp;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deploy rehearsal (issue 19): for every combination the infrastructure accepts (env × phase × identity × model
 * server engine × layout), each app container's environment and secrets are taken from the synthesised template,
 * CloudFormation tokens are replaced by a real PostgreSQL reached through a non-loopback address, the secrets are
 * resolved by the app's own Secrets Manager adapter against a local server speaking that protocol, and the real jar
 * starts with exactly that environment; {@code GET /health} must answer 200 and the container's own health-check
 * command must pass. The only values replaced beyond tokens are endpoints that would be AWS's or the identity
 * provider's ({@link #OVERRIDES}) and the port. Each distinct context is synthesised once (all in one CDK app), each
 * distinct environment started once. Combinations synth refuses by design are asserted to be refused, with the message.
 */
class DeployRehearsalTest {
    /** What the rehearsal sets that the task would get from AWS instead, and why. */
    static final Map<String, String> OVERRIDES = Map.of(
            "AWS_ENDPOINT_URL_SECRETS_MANAGER", "Secrets Manager's regional endpoint -> the local protocol server",
            "AWS_ENDPOINT_URL_S3", "S3's regional endpoint -> the local S3 protocol server",
            "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY", "the task role's credentials (ECS gives them through its credentials endpoint)",
            "OIDC_ISSUER", "the deployer's identity provider -> the local discovery server",
            "PORT", "the container's port 8080 -> a free port of this machine");
    private static final String ACCESS_KEY = "rehearsal";
    private static final String SECRET_KEY = "rehearsal-secret-key";
    private static final Path WORK = Path.of("target", "rehearsal");

    private static RehearsalPostgres postgres;
    private static SecretsManagerServer secretsManager;
    private static OidcProviderServer identityProvider;
    private static S3Proxy s3;
    private static final Map<String, List<SynthesisedContainers.AppContainer>> containersByEnvironment = new LinkedHashMap<>();
    private static final Map<String, ConciergeJar.Outcome> outcomes = new LinkedHashMap<>();

    @BeforeAll static void startEveryDistinctEnvironment() throws Exception {
        Files.createDirectories(WORK);
        Path jar = Path.of(System.getProperty("concierge.jar", "../bootstrap/target/concierge.jar")).toAbsolutePath().normalize();
        assertThat(jar).as("the runnable jar, built by bootstrap earlier in the reactor").exists();

        postgres = new RehearsalPostgres(WORK.resolve("postgres").toAbsolutePath());
        secretsManager = new SecretsManagerServer();
        identityProvider = new OidcProviderServer();
        var blobStore = new TransientNio2BlobStore();
        s3 = S3Proxy.builder().blobStore(blobStore).endpoint(URI.create("http://127.0.0.1:" + ConciergeJar.freePort()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) Thread.sleep(10);
        blobStore.createContainer(CloudFormationValues.FILES_BUCKET);
        for (String env : List.of("dev", "prod")) {
            // What each secret holds in AWS: Aurora's owner, the app role (the app creates it), the keys.
            secretsManager.put("concierge/" + env + "/database", "{\"username\":\"" + RehearsalPostgres.MASTER_USER
                    + "\",\"password\":\"" + RehearsalPostgres.MASTER_PASSWORD + "\",\"engine\":\"postgres\",\"host\":\""
                    + postgres.host() + "\",\"port\":" + postgres.port() + ",\"dbname\":\"" + RehearsalPostgres.DATABASE + "\"}");
            secretsManager.put("concierge/" + env + "/database-app", "{\"username\":\"concierge_app\",\"password\":\"rehearsal-app-password\"}");
            secretsManager.put("concierge/" + env + "/openai-api-key", "rehearsalOpenAiApiKey0123456789ab");
            secretsManager.put("concierge/" + env + "/session-secret", "rehearsalSessionSecret0123456789abcdefghijklmnopqrstuvwxyzABCDEFG");
            secretsManager.put("concierge/" + env + "/oidc-client-secret", "rehearsal-client-secret");
        }

        List<Combination> accepted = Combination.all().stream().filter(c -> !c.refusedBySynth()).toList();
        List<SynthesisedContainers.AppContainer> containers = SynthesisedContainers.of(accepted,
                WORK.resolve("cdk.out").toAbsolutePath(), postgres.host(), postgres.port());
        for (SynthesisedContainers.AppContainer container : containers) {
            containersByEnvironment.computeIfAbsent(key(container), ignored -> new ArrayList<>()).add(container);
        }

        List<String> keys = new ArrayList<>(containersByEnvironment.keySet());
        // The first start alone: it migrates and creates the app role; the rest only connect.
        outcomes.put(keys.get(0), start(jar, keys.get(0)));
        ExecutorService starts = Executors.newFixedThreadPool(3);
        try {
            Map<String, Future<ConciergeJar.Outcome>> running = new LinkedHashMap<>();
            for (String key : keys.subList(1, keys.size())) running.put(key, starts.submit(() -> start(jar, key)));
            for (var entry : running.entrySet()) outcomes.put(entry.getKey(), entry.getValue().get());
        } finally {
            starts.shutdownNow();
        }
    }

    @AfterAll static void stopTheStandIns() throws Exception {
        if (s3 != null) s3.stop();
        if (identityProvider != null) identityProvider.close();
        if (secretsManager != null) secretsManager.close();
        if (postgres != null) postgres.close();
    }

    @TestFactory Stream<DynamicTest> every_app_container_of_every_accepted_combination_starts_and_answers_health() {
        assertThat(containersByEnvironment).as("app containers synthesised").isNotEmpty();
        return containersByEnvironment.entrySet().stream().map(entry -> DynamicTest.dynamicTest(describe(entry.getValue()), () -> {
            ConciergeJar.Outcome outcome = outcomes.get(entry.getKey());
            assertThat(outcome.started()).as("%s%n%s", describe(entry.getValue()), outcome.detail()).isTrue();
        }));
    }

    @Test void every_accepted_combination_has_its_app_containers_in_the_roles_of_its_layout() {
        Map<Combination, List<String>> roles = containersByEnvironment.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(SynthesisedContainers.AppContainer::combination, LinkedHashMap::new,
                        Collectors.mapping(container -> container.environment().get("ROLE"), Collectors.toList())));
        assertThat(roles.keySet()).containsExactlyInAnyOrderElementsOf(Combination.all().stream().filter(c -> !c.refusedBySynth()).toList());
        roles.forEach((combination, containerRoles) -> assertThat(containerRoles).as(combination.name())
                .containsExactlyInAnyOrderElementsOf(combination.layout().equals("tiered") ? List.of("web", "worker") : List.of("all")));
    }

    @Test void synth_refuses_every_phase_without_a_sign_in_or_the_opt_in_to_a_shared_identity_saying_so() {
        for (Combination refused : Combination.all().stream().filter(Combination::refusedBySynth).toList()) {
            App app = new App(AppProps.builder().context(new LinkedHashMap<String, Object>(refused.context())).build());
            assertThatThrownBy(() -> InfraApp.addStacksTo(app)).as(refused.name())
                    .hasMessageContaining("phase=" + refused.phase() + " needs a way to tell users apart")
                    .hasMessageContaining("sharedIdentity=true");
        }
    }

    private static ConciergeJar.Outcome start(Path jar, String key) throws Exception {
        SynthesisedContainers.AppContainer container = containersByEnvironment.get(key).get(0);
        int port = ConciergeJar.freePort();
        Map<String, String> environment = new LinkedHashMap<>(container.environment());
        container.secrets().forEach((name, valueFrom) -> environment.put(name, SynthesisedContainers.asAppReference(valueFrom)));
        environment.put("PORT", String.valueOf(port));
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3.getPort());
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        if (environment.containsKey("OIDC_ISSUER")) environment.put("OIDC_ISSUER", identityProvider.issuer());
        Path log = WORK.resolve(container.combination().name() + "-" + container.environment().get("ROLE") + ".log");
        return ConciergeJar.start(jar, environment, container.healthCheck(), port, log);
    }

    /** Containers whose resolved environment and secrets are the same start the same app: one start for them all. */
    private static String key(SynthesisedContainers.AppContainer container) {
        return new TreeMap<>(container.environment()) + " " + new TreeMap<>(container.secrets());
    }

    private static String describe(List<SynthesisedContainers.AppContainer> containers) {
        return containers.stream().map(c -> c.combination().name() + " ROLE=" + c.environment().get("ROLE"))
                .collect(Collectors.joining(", "));
    }
}
