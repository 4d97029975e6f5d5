package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.HttpServer;
import dev.concierge.domain.favourites.port.in.BrowseQuotesUseCase;
import dev.concierge.domain.favourites.port.in.DeleteFavouriteUseCase;
import dev.concierge.domain.favourites.port.in.LikeFavouriteUseCase;
import dev.concierge.domain.favourites.port.in.ListFavouritesUseCase;
import dev.concierge.domain.favourites.port.in.ReadHoroscopesUseCase;
import dev.concierge.domain.favourites.port.in.SaveFavouriteUseCase;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.in.CreateSuiteCommand;
import dev.concierge.domain.testcasegeneration.port.in.ExportProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ImportTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ProcessGenerationJobsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ReviewProcedureUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real injector and the whole favourites flow, over real HTTP and a real PostgreSQL. */
class ApplicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningApp running;

    @BeforeAll static void start() { running = RunningApp.start(); }

    @AfterAll static void stop() { running.close(); }

    @Test void the_real_injector_resolves_every_use_case_and_the_server() {
        var injector = running.app.injector();

        for (Class<?> useCase : List.of(BrowseQuotesUseCase.class, ReadHoroscopesUseCase.class, SaveFavouriteUseCase.class,
                ListFavouritesUseCase.class, LikeFavouriteUseCase.class, DeleteFavouriteUseCase.class, HttpServer.class,
                ManageSuitesUseCase.class, ManageTestCasesUseCase.class, ImportTestCasesUseCase.class, ReviewProcedureUseCase.class, dev.concierge.domain.testcasegeneration.port.in.ReviewStepsUseCase.class,
                GenerateProceduresUseCase.class, ProcessGenerationJobsUseCase.class, ExportProceduresUseCase.class)) {
            assertThat(injector.getInstance(useCase)).as(useCase.getSimpleName()).isNotNull();
        }
    }

    @Test void health_is_up_with_the_database_and_reports_the_unreachable_model_without_failing() throws Exception {
        var response = running.get("/health");

        JsonNode health = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.at("/components/database/status").asText()).isEqualTo("up");
        assertThat(health.at("/components/llm/status").asText()).isEqualTo("down");
        assertThat(health.at("/components/llm/message").asText()).contains("http://127.0.0.1:9").contains("LLM_PROVIDER");
        assertThat(health.at("/components/generationWorkers/status").asText()).isEqualTo("up");
        assertThat(health.at("/components/generationWorkers/message").asText()).contains("2 worker(s) running");
    }

    @Test void generation_without_a_reachable_model_is_unavailable_saying_what_to_start_and_queues_nothing() {
        var injector = running.app.injector();
        Actor qa = new Actor(new UserId("local"), Set.of("qa"));
        Suite suite = injector.getInstance(ManageSuitesUseCase.class).create(new CreateSuiteCommand(qa, new NewSuite("No model", ""), Optional.empty()));
        TestCase draft = injector.getInstance(ManageTestCasesUseCase.class).create(qa, suite.id(),
                new TestCaseContent(new TestCaseKey("TC-1"), "Sign in", "", "", "", "", Priority.MEDIUM, List.of()));

        assertThatThrownBy(() -> injector.getInstance(GenerateProceduresUseCase.class).generate(new GenerateProceduresCommand(qa, suite.id(), List.of())))
                .isInstanceOf(Unavailable.class).hasMessageContaining("http://127.0.0.1:9").hasMessageContaining("LLM_PROVIDER");
        assertThat(injector.getInstance(ManageTestCasesUseCase.class).get(qa, draft.id()).status()).isEqualTo(CaseStatus.DRAFT);
    }

    @Test void the_seeded_catalogue_serves_at_least_a_hundred_quotes_with_authors() throws Exception {
        JsonNode page = JSON.readTree(running.get("/api/quotes?limit=100").body());

        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(100);
        page.get("items").forEach(quote -> assertThat(quote.get("author").asText()).isNotBlank());
    }

    @Test void a_quote_saved_liked_and_listed_through_the_api_round_trips() throws Exception {
        var created = running.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"Round trip " + System.nanoTime()
                + "\",\"author\":\"Tester\"}");
        long id = JSON.readTree(created.body()).get("id").asLong();

        var liked = running.post("/api/favourites/" + id + "/like", null);
        var listed = JSON.readTree(running.get("/api/favourites?type=quote&sort=likes").body());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(liked.body()).get("likes").asInt()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(running.delete("/api/favourites/" + id).statusCode()).isEqualTo(204);
        assertThat(running.get("/api/favourites/" + id).statusCode()).isEqualTo(404);
    }

    @Test void concurrent_saves_and_likes_of_the_same_content_give_one_favourite_and_one_like() throws Exception {
        String body = "{\"type\":\"quote\",\"content\":\"Concurrent " + System.nanoTime() + "\"}";
        List<Integer> statuses = concurrently(20, () -> running.post("/api/favourites", body).statusCode());
        long id = JSON.readTree(running.post("/api/favourites", body).body()).get("id").asLong();

        concurrently(20, () -> running.post("/api/favourites/" + id + "/like", null).statusCode());

        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(JSON.readTree(running.get("/api/favourites/" + id).body()).get("likes").asInt()).isEqualTo(1);
    }

    @Test void the_pages_render_in_both_languages() {
        assertThat(running.get("/favourites?lang=ja").body()).contains("<html lang=\"ja\">", "今日の名言");
        assertThat(running.get("/favourites?lang=en").body()).contains("<html lang=\"en\">", "Quote of the day");
        assertThat(running.get("/").body()).contains("href=\"/favourites\"");
    }

    private static List<Integer> concurrently(int n, java.util.concurrent.Callable<Integer> call) throws Exception {
        var gate = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) futures.add(pool.submit(() -> {
                gate.await();
                return call.call();
            }));
            gate.countDown();
            List<Integer> results = new ArrayList<>();
            for (var future : futures) results.add(future.get());
            return results;
        }
    }
}
