package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.web.Page;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageTestCasesUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The test-case generation pages: suites, one suite's cases, one case (requirement next to its procedure, step
 * editor, review), one batch (live progress). Rendered from the same use cases as the API; the page script
 * ({@code /assets/testcasegeneration/test-cases.js}) makes every change through the JSON API.
 */
public final class TestCaseGenerationPages implements RouteGroup {
    public static final int PER_PAGE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ManageSuitesUseCase suites;
    private final ManageTestCasesUseCase cases;
    private final GenerateProceduresUseCase generation;
    private final CurrentUser currentUser;
    private final PageRenderer renderer;
    private final ZoneId zone;

    public TestCaseGenerationPages(ManageSuitesUseCase suites, ManageTestCasesUseCase cases, GenerateProceduresUseCase generation,
                                   CurrentUser currentUser, PageRenderer renderer, ZoneId zone) {
        this.suites = suites;
        this.cases = cases;
        this.generation = generation;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.zone = zone;
    }

    /** Formats times for people in the app's time zone. */
    public record Times(ZoneId zone) {
        public String of(Instant instant) { return instant == null ? "" : TIME.format(instant.atZone(zone)); }
    }

    public record SuiteList(List<Suite> items, long total, int offset, Set<String> teams) {
        public boolean hasPrevious() { return offset > 0; }

        public boolean hasNext() { return offset + items.size() < total; }
    }

    public record CaseList(Suite suite, List<TestCase> items, long total, String status, String q, int offset,
                           List<Batch> batches) {
        public String href(int newOffset) {
            return "/test-cases/suites/" + suite.id() + "?status=" + status + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                    + "&offset=" + Math.max(0, newOffset);
        }

        public boolean hasPrevious() { return offset > 0; }

        public boolean hasNext() { return offset + items.size() < total; }

        public List<String> statuses() { return List.of(CaseStatus.values()).stream().map(CaseStatus::wireName).toList(); }
    }

    public record CaseDetail(Suite suite, TestCase testCase, List<ProcedureRevision> revisions) {
        public boolean editable() { return testCase.status() == CaseStatus.GENERATED; }

        public boolean reviewable() { return testCase.status() == CaseStatus.GENERATED; }

        public boolean generatable() { return testCase.queueable(); }

        public boolean reopenable() { return testCase.status() == CaseStatus.APPROVED; }

        public boolean busy() { return testCase.status() == CaseStatus.QUEUED || testCase.status() == CaseStatus.GENERATING; }
    }

    public record BatchDetail(Suite suite, BatchProgress progress, Optional<Long> backToCase) {
        public int count(String state) { return progress.counts().get(JobState.valueOf(state.toUpperCase(Locale.ROOT))); }

        public int percent() { return progress.total() == 0 ? 100 : (int) Math.floor(progress.finished() * 100.0 / progress.total()); }

        public String back() { return backToCase.map(id -> "/test-cases/cases/" + id).orElse("/test-cases/suites/" + suite.id()); }
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/test-cases", this::suitesPage);
        routes.get("/test-cases/suites/{id}", this::suitePage);
        routes.get("/test-cases/cases/{id}", this::casePage);
        routes.get("/test-cases/batches/{id}", this::batchPage);
    }

    private void suitesPage(Context ctx) {
        Actor actor = currentUser.actor(ctx);
        int offset = offset(ctx);
        var found = suites.list(actor, new PageRequest(PER_PAGE, offset));
        render(ctx, "testcasegeneration/suites.jte", "tcg.suites.title", Map.of(
                "suites", new SuiteList(found.items(), found.total(), offset, new TreeSet<>(actor.groups()))));
    }

    private void suitePage(Context ctx) {
        Actor actor = currentUser.actor(ctx);
        Suite suite = suites.get(actor, TestCaseGenerationRoutes.suiteId(ctx));
        Optional<CaseStatus> status = Params.text(ctx, "status").map(CaseStatus::parse);
        String q = Params.text(ctx, "q").orElse("");
        int offset = offset(ctx);
        var found = cases.list(actor, new TestCaseQuery(suite.id(), status.map(Set::of).orElse(Set.of()),
                Optional.of(q), new PageRequest(PER_PAGE, offset)));
        var batches = generation.batches(actor, suite.id(), new PageRequest(5, 0)).items();
        render(ctx, "testcasegeneration/suite.jte", "tcg.suite.title", Map.of("list", new CaseList(suite, found.items(),
                found.total(), status.map(CaseStatus::wireName).orElse(""), q, offset, batches)));
    }

    private void casePage(Context ctx) {
        Actor actor = currentUser.actor(ctx);
        TestCase testCase = cases.get(actor, TestCaseGenerationRoutes.testCaseId(ctx));
        Suite suite = suites.get(actor, testCase.suite());
        render(ctx, "testcasegeneration/case.jte", "tcg.case.title", Map.of(
                "detail", new CaseDetail(suite, testCase, cases.revisions(actor, testCase.id()).reversed())));
    }

    private void batchPage(Context ctx) {
        Actor actor = currentUser.actor(ctx);
        BatchProgress progress = generation.progress(actor, TestCaseGenerationRoutes.batchId(ctx));
        Suite suite = suites.get(actor, progress.batch().suite());
        Optional<Long> backToCase = Params.text(ctx, "case").filter(v -> v.matches("[1-9][0-9]{0,17}")).map(Long::parseLong);
        render(ctx, "testcasegeneration/batch.jte", "tcg.batch.title", Map.of("detail", new BatchDetail(suite, progress, backToCase)));
    }

    private void render(Context ctx, String template, String titleKey, Map<String, Object> params) {
        Page page = renderer.page(ctx, titleKey, "testcases", currentUser.of(ctx).value());
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        all.put("times", new Times(zone));
        renderer.render(ctx, template, all);
    }

    private static int offset(Context ctx) { return Math.min(Math.max(0, Params.integer(ctx, "offset").orElse(0)), PageRequest.MAX_OFFSET); }
}
