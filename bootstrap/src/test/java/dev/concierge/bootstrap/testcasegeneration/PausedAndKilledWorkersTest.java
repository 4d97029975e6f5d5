package dev.concierge.bootstrap.testcasegeneration;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.concierge.adapter.llm.LlmModule;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.persistence.Database;
import dev.concierge.adapter.persistence.DatabaseConfig;
import dev.concierge.adapter.persistence.PersistenceModule;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.ImportOriginal;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.port.in.CreateSuiteCommand;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ImportTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue failures that need the app as an OS process (issue 23): a worker frozen past its lease and then resumed
 * (SIGSTOP/SIGCONT: a long GC pause, a suspended VM), and repeated SIGKILLs of the app mid-batch. The database lives
 * in this JVM, as Aurora outlives a task; each scenario must end every case generated exactly once (one generated
 * revision per case) within a bound.
 */
class PausedAndKilledWorkersTest {
    private static final Actor QA = new Actor(new UserId("local"), Set.of("qa"));
    private static final Duration LEASE = Duration.ofSeconds(3);

    @TempDir Path temp;

    @Test void a_worker_resumed_after_its_lease_was_taken_over_does_not_overwrite_the_result() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start().firstTokenDelay(Duration.ofMillis(1_500));
             TestDatabase db = TestDatabase.migrated();
             Database database = open(db)) {
            Map<String, String> env = env(db, llm, 2);
            Context context = context(database, env);
            Batch batch = context.batchOf(24);
            Instant started = Instant.now();

            AppProcess paused = AppProcess.start(env, temp.resolve("paused.log"));
            AppProcess other = null;
            try {
                awaitValue(() -> runningJobsOf(db, paused.pid()), jobs -> jobs.size() == 2, Duration.ofSeconds(90), paused);
                Thread.sleep(300); // into the model call, not a transaction
                paused.signal("STOP");
                List<Long> frozen = runningJobsOf(db, paused.pid()); // stable now: nothing of it moves until its leases expire
                assertThat(frozen).as("jobs the frozen worker holds").isNotEmpty();
                other = AppProcess.start(env, temp.resolve("other.log"));
                AppProcess taker = other;
                awaitValue(() -> finishedByAnother(db, frozen, paused.pid()), done -> !done.isEmpty(), Duration.ofSeconds(90), taker);
                paused.signal("CONT"); // its model answers arrived meanwhile: it now tries to record them

                awaitValue(() -> context.progress(batch), BatchProgress::done, Duration.ofSeconds(90), other);
                awaitValue(() -> paused.output().contains("result dropped, the lease was taken over"), Boolean::booleanValue,
                        Duration.ofSeconds(30), paused);
            } finally {
                paused.signal("CONT");
                paused.kill();
                if (other != null) other.kill();
            }

            assertExactlyOnce(db, batch, context.progress(batch));
            assertThat(Duration.between(started, Instant.now())).as("bounded completion").isLessThan(Duration.ofSeconds(150));
        }
    }

    @Test void a_batch_killed_again_and_again_ends_every_case_generated_once() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start().firstTokenDelay(Duration.ofMillis(100));
             TestDatabase db = TestDatabase.migrated();
             Database database = open(db)) {
            Map<String, String> env = env(db, llm, 3);
            Context context = context(database, env);
            Batch batch = context.batchOf(150);

            int kills = 3;
            for (int kill = 1; kill <= kills; kill++) {
                int target = 25 * kill;
                AppProcess app = AppProcess.start(env, temp.resolve("run-" + kill + ".log"));
                try {
                    awaitValue(() -> context.progress(batch), p -> p.counts().get(JobState.SUCCEEDED) >= target, Duration.ofSeconds(120), app);
                } finally {
                    app.kill(); // SIGKILL: no shutdown hook, no hand-back; its leases must expire
                }
                assertThat(context.progress(batch).done()).as("still mid-batch at kill " + kill).isFalse();
            }

            Instant lastStart = Instant.now();
            AppProcess last = AppProcess.start(env, temp.resolve("last.log"));
            try {
                awaitValue(() -> context.progress(batch), BatchProgress::done, Duration.ofSeconds(120), last);
            } finally {
                last.stop();
            }
            assertExactlyOnce(db, batch, context.progress(batch));
            assertThat(llm.chatRequests().size()).as("model calls (a killed call is made again)").isGreaterThanOrEqualTo(150);
            assertThat(Duration.between(lastStart, Instant.now())).as("bounded completion after the last restart").isLessThan(Duration.ofSeconds(90));
        }
    }

    // ---- arrangement

    private Map<String, String> env(TestDatabase db, LlmWireFixture llm, int concurrency) {
        Map<String, String> env = new HashMap<>(Map.of(
                "DATABASE_URL", db.jdbcUrl(),
                "DATABASE_USER", db.user(),
                "DATABASE_POOL_SIZE", "4",
                "OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(),
                "LLM_TIMEOUT_SECONDS", "60",
                "GENERATION_CONCURRENCY", Integer.toString(concurrency),
                "GENERATION_POLL_MILLIS", "100",
                "GENERATION_LEASE_SECONDS", Long.toString(LEASE.toSeconds()),
                "SHUTDOWN_DRAIN_SECONDS", "2"));
        env.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1", "DATA_DIR", temp.resolve("unused").toString()));
        return env;
    }

    private Database open(TestDatabase db) {
        return Database.open(new DatabaseConfig(Optional.of(db.jdbcUrl()), Optional.of(db.user()), Optional.empty(), temp, 4));
    }

    /** The context's own wiring without HTTP or workers: this JVM only seeds and checks while app processes come and go. */
    private static Context context(Database database, Map<String, String> env) {
        Settings settings = Settings.from(new HashMap<>(env));
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new PersistenceModule(database), new LlmModule(settings.llm()),
                new TestCaseGenerationModule(settings.generation()), binder -> binder.bind(Clock.class).toInstance(Clock.systemUTC()),
                WithoutExports.MODULE);
        return new Context(injector);
    }

    private record Context(Injector injector) {
        Batch batchOf(int cases) {
            Suite suite = injector.getInstance(ManageSuitesUseCase.class).create(new CreateSuiteCommand(QA, new NewSuite("Failures", ""), Optional.empty()));
            injector.getInstance(ImportTestCasesUseCase.class).importCases(QA, suite.id(), IntStream.rangeClosed(1, cases)
                    .mapToObj(i -> new ImportRow(i + 1, "TC-%03d".formatted(i), "Case " + i + " signs in", "", "Signed in", "", "", "", List.of()))
                    .toList(), new ImportOriginal(new byte[0], "text/csv"));
            return injector.getInstance(GenerateProceduresUseCase.class).generate(new GenerateProceduresCommand(QA, suite.id(), List.of()));
        }

        BatchProgress progress(Batch batch) { return injector.getInstance(GenerateProceduresUseCase.class).progress(QA, batch.id()); }
    }

    // ---- observation, straight from the tables

    /** Worker ids are host-pid-random: the jobs this process holds right now. */
    private static List<Long> runningJobsOf(TestDatabase db, long pid) throws SQLException {
        return ids(db, "SELECT id FROM test_case_generation.generation_jobs WHERE state = 'running' AND lease_owner LIKE ?", "%-" + pid + "-%");
    }

    /** Of these jobs, those another worker claimed again and completed (a completion leaves its owner in place). */
    private static List<Long> finishedByAnother(TestDatabase db, List<Long> jobs, long pid) throws SQLException {
        List<Long> done = new ArrayList<>();
        for (long job : jobs) {
            done.addAll(ids(db, "SELECT id FROM test_case_generation.generation_jobs WHERE id = " + job
                    + " AND state = 'succeeded' AND attempt >= 2 AND lease_owner NOT LIKE ?", "%-" + pid + "-%"));
        }
        return done;
    }

    private static List<Long> ids(TestDatabase db, String sql, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), ""); var statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<Long> ids = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) ids.add(rows.getLong(1));
            }
            return ids;
        }
    }

    /** Every job succeeded, and every case of the batch has exactly one revision, the generated one. */
    private static void assertExactlyOnce(TestDatabase db, Batch batch, BatchProgress done) throws SQLException {
        assertThat(done.counts().get(JobState.SUCCEEDED)).as(done.counts().toString()).isEqualTo(batch.size());
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "")) {
            GeneratedOnce.assertEveryCaseOnce(c, batch.suite().value(), batch.size());
        }
    }

    private interface Probe<T> { T get() throws Exception; }

    private interface Reached<T> { boolean test(T value); }

    /** Polls until {@code reached}; fails with the app's log when the process died or the time ran out. */
    private static <T> T awaitValue(Probe<T> probe, Reached<T> reached, Duration within, AppProcess app) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            T value = probe.get();
            if (reached.test(value)) return value;
            if (!app.alive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached: " + value + (app.alive() ? " after " + within.toSeconds() + " s" : "; the app exited")
                        + "; its log ends with:\n" + app.logTail());
            }
            Thread.sleep(50);
        }
    }

    /** The app's Main as a child JVM on this test's class path, with its own log. */
    private record AppProcess(Process process, Path log) {
        static AppProcess start(Map<String, String> env, Path log) throws IOException {
            String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
                    "-cp", System.getProperty("java.class.path"), "dev.concierge.bootstrap.Main")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return new AppProcess(builder.start(), log);
        }

        long pid() { return process.pid(); }

        boolean alive() { return process.isAlive(); }

        void signal(String name) throws Exception {
            if (alive()) new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL on Linux
            process.waitFor(30, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "";
            }
        }

        String logTail() {
            List<String> lines = output().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }
}
