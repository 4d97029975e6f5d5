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
import dev.concierge.bootstrap.Application;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.ClaimedJob;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.port.in.CreateSuiteCommand;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ImportTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ProcessGenerationJobsUseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The SIGTERM path: a stopping instance hands its running jobs back, so another takes them at once. */
class GenerationShutdownTest {
    private static final Actor QA = new Actor(new UserId("local"), Set.of("qa"));

    @TempDir Path temp;

    @Test void stopping_the_app_hands_back_running_jobs_for_another_instance_at_once() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start().firstTokenDelay(Duration.ofSeconds(30)); // slower than the stop
             TestDatabase db = TestDatabase.migrated();
             Database database = Database.open(new DatabaseConfig(Optional.of(db.jdbcUrl()), Optional.of(db.user()), Optional.empty(), temp, 2))) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "PORT", "0", "HOST", "127.0.0.1",
                    "DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", db.user(),
                    "OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(),
                    "GENERATION_CONCURRENCY", "2", "GENERATION_POLL_MILLIS", "50",
                    "GENERATION_LEASE_SECONDS", "600", // a lease that would keep the jobs away for ten minutes if not handed back
                    "SHUTDOWN_DRAIN_SECONDS", "1"));
            Settings settings = Settings.from(env);
            Injector other = Guice.createInjector(Stage.PRODUCTION, new PersistenceModule(database), new LlmModule(settings.llm()),
                    new TestCaseGenerationModule(settings.generation()), binder -> binder.bind(Clock.class).toInstance(Clock.systemUTC()));
            GenerateProceduresUseCase generation = other.getInstance(GenerateProceduresUseCase.class);
            Suite suite = other.getInstance(ManageSuitesUseCase.class).create(new CreateSuiteCommand(QA, new NewSuite("Stop", ""), Optional.empty()));
            other.getInstance(ImportTestCasesUseCase.class).importCases(QA, suite.id(), IntStream.rangeClosed(1, 4)
                    .mapToObj(i -> new ImportRow(i + 1, "TC-" + i, "Case " + i, "", "", "", "", "", List.of())).toList());
            Batch batch = generation.generate(new GenerateProceduresCommand(QA, suite.id(), List.of()));

            Application app = Application.start(settings);
            try {
                awaitRunning(generation, batch, 2);
            } finally {
                app.close(); // what the SIGTERM shutdown hook runs
            }

            BatchProgress afterStop = generation.progress(QA, batch.id());
            assertThat(afterStop.counts()).containsEntry(JobState.RUNNING, 0).containsEntry(JobState.QUEUED, 4);
            List<ClaimedJob> takenOver = other.getInstance(ProcessGenerationJobsUseCase.class).claim("another-instance", 10);
            assertThat(takenOver).hasSize(4);
        }
    }

    private static void awaitRunning(GenerateProceduresUseCase generation, Batch batch, int running) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        BatchProgress progress = generation.progress(QA, batch.id());
        while (progress.counts().get(JobState.RUNNING) < running) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("jobs never started: " + progress.counts());
            Thread.sleep(50);
            progress = generation.progress(QA, batch.id());
        }
    }
}
