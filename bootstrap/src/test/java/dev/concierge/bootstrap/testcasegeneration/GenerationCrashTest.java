package dev.concierge.bootstrap.testcasegeneration;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.concierge.adapter.llm.LlmModule;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.persistence.PersistenceModule;
import dev.concierge.adapter.persistence.Database;
import dev.concierge.adapter.persistence.DatabaseConfig;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.RevisionKind;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;
import dev.concierge.domain.testcasegeneration.port.in.CreateSuiteCommand;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ImportTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageTestCasesUseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as a separate OS process, killed with SIGKILL in the middle of a batch of 200 and started again: every case
 * ends generated exactly once. The database lives in this JVM (as Aurora outlives a killed task), so the test seeds
 * and checks through the real use cases while the app process comes and goes.
 */
class GenerationCrashTest {
    private static final int CASES = 200;
    private static final Actor QA = new Actor(new UserId("local"), Set.of("qa"));

    @TempDir Path temp;

    @Test void a_batch_killed_midway_finishes_every_case_exactly_once_after_restart() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start().firstTokenDelay(Duration.ofMillis(120));
             TestDatabase db = TestDatabase.migrated();
             Database database = Database.open(new DatabaseConfig(Optional.of(db.jdbcUrl()), Optional.of(db.user()),
                     Optional.empty(), temp, 4))) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "DATABASE_URL", db.jdbcUrl(),
                    "DATABASE_USER", db.user(),
                    "DATABASE_POOL_SIZE", "4",
                    "OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(),
                    "LLM_TIMEOUT_SECONDS", "20",
                    "GENERATION_CONCURRENCY", "3",
                    "GENERATION_POLL_MILLIS", "100",
                    "GENERATION_LEASE_SECONDS", "3",
                    "SHUTDOWN_DRAIN_SECONDS", "2"));
            env.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1", "DATA_DIR", temp.resolve("unused").toString()));
            // The context's own wiring, without HTTP or workers: this JVM only seeds and checks.
            Map<String, String> here = new HashMap<>(env);
            Settings settings = Settings.from(here);
            Injector injector = Guice.createInjector(Stage.PRODUCTION, new PersistenceModule(database), new LlmModule(settings.llm()),
                    new TestCaseGenerationModule(settings.generation()), binder -> binder.bind(Clock.class).toInstance(Clock.systemUTC()));
            GenerateProceduresUseCase generation = injector.getInstance(GenerateProceduresUseCase.class);
            ManageTestCasesUseCase testCases = injector.getInstance(ManageTestCasesUseCase.class);

            Suite suite = injector.getInstance(ManageSuitesUseCase.class).create(new CreateSuiteCommand(QA, new NewSuite("Crash", ""), Optional.empty()));
            injector.getInstance(ImportTestCasesUseCase.class).importCases(QA, suite.id(), IntStream.rangeClosed(1, CASES)
                    .mapToObj(i -> new ImportRow(i + 1, "TC-%03d".formatted(i), "Case " + i + " signs in", "", "Signed in", "", "", "", List.of()))
                    .toList());
            Batch batch = generation.generate(new GenerateProceduresCommand(QA, suite.id(), List.of()));

            Process first = startApp(env, temp.resolve("first.log"));
            BatchProgress beforeKill;
            try {
                beforeKill = awaitProgress(generation, batch, p -> p.counts().get(JobState.SUCCEEDED) >= 20, Duration.ofSeconds(120), first, temp.resolve("first.log"));
            } finally {
                first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no hand-back
                first.waitFor(30, TimeUnit.SECONDS);
            }
            BatchProgress atKill = generation.progress(QA, batch.id());
            assertThat(atKill.counts().get(JobState.SUCCEEDED)).as("some were generated before the kill").isGreaterThanOrEqualTo(beforeKill.counts().get(JobState.SUCCEEDED));
            assertThat(atKill.counts().get(JobState.SUCCEEDED)).as("not all were generated before the kill").isLessThan(CASES);

            Process second = startApp(env, temp.resolve("second.log"));
            try {
                awaitProgress(generation, batch, BatchProgress::done, Duration.ofSeconds(120), second, temp.resolve("second.log"));
            } finally {
                second.destroy(); // SIGTERM: the normal stop
                if (!second.waitFor(30, TimeUnit.SECONDS)) second.destroyForcibly();
            }

            BatchProgress done = generation.progress(QA, batch.id());
            assertThat(done.counts().get(JobState.SUCCEEDED)).isEqualTo(CASES);
            var generated = testCases.list(QA, new TestCaseQuery(suite.id(), Set.of(CaseStatus.GENERATED), Optional.empty(), new PageRequest(100, 0)));
            assertThat(generated.total()).isEqualTo(CASES);
            List<String> notExactlyOnce = new ArrayList<>();
            for (int offset = 0; offset < CASES; offset += 100) {
                for (TestCase testCase : testCases.list(QA, new TestCaseQuery(suite.id(), Set.of(), Optional.empty(), new PageRequest(100, offset))).items()) {
                    List<ProcedureRevision> revisions = testCases.revisions(QA, testCase.id());
                    if (revisions.size() != 1 || revisions.getFirst().kind() != RevisionKind.GENERATED) {
                        notExactlyOnce.add(testCase.content().key() + ": " + revisions.size() + " revisions");
                    }
                }
            }
            assertThat(notExactlyOnce).as("cases without exactly one generated revision").isEmpty();
            assertThat(llm.chatRequests().size()).as("model calls (a killed call is made again)").isGreaterThanOrEqualTo(CASES);
        }
    }

    private static Process startApp(Map<String, String> env, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), "dev.concierge.bootstrap.Main")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static BatchProgress awaitProgress(GenerateProceduresUseCase generation, Batch batch, Predicate<BatchProgress> reached,
                                               Duration within, Process app, Path log) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            BatchProgress progress = generation.progress(QA, batch.id());
            if (reached.test(progress)) return progress;
            if (!app.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("batch progress " + progress.counts() + (app.isAlive() ? " after " + within.toSeconds() + " s"
                        : "; the app exited with " + app.exitValue()) + "; its log ends with:\n" + read(log));
            }
            Thread.sleep(50);
        }
    }

    private static String read(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
