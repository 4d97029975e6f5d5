package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.web.DateWording;
import dev.concierge.adapter.http.web.Page;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.CaseSort;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.Neighbours;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageRequirementsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageTestCasesUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
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

    private final ManageSuitesUseCase suites;
    private final ManageTestCasesUseCase cases;
    private final GenerateProceduresUseCase generation;
    private final CurrentUser currentUser;
    private final PageRenderer renderer;
    private final ZoneId zone;
    private final Optional<ManageRequirementsUseCase> requirements;

    public TestCaseGenerationPages(ManageSuitesUseCase suites, ManageTestCasesUseCase cases, GenerateProceduresUseCase generation,
                                   CurrentUser currentUser, PageRenderer renderer, ZoneId zone) {
        this(suites, cases, generation, currentUser, renderer, zone, Optional.empty());
    }

    /** {@code requirements}: the case page shows the acceptance criteria each step verifies. */
    public TestCaseGenerationPages(ManageSuitesUseCase suites, ManageTestCasesUseCase cases, GenerateProceduresUseCase generation,
                                   CurrentUser currentUser, PageRenderer renderer, ZoneId zone,
                                   Optional<ManageRequirementsUseCase> requirements) {
        this.requirements = requirements;
        this.suites = suites;
        this.cases = cases;
        this.generation = generation;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.zone = zone;
    }

    /** Times as the page's reader writes them (2026年12月7日(月) 10:00), in the app's time zone. */
    public record Times(ZoneId zone, DateWording wording) {
        public String of(Instant instant) { return wording.dateTime(instant, zone); }
    }

    public record SuiteList(List<Suite> items, long total, int offset, Set<String> teams) {
        public boolean hasPrevious() { return offset > 0; }

        public boolean hasNext() { return offset + items.size() < total; }
    }

    public record CaseList(Suite suite, List<TestCase> items, long total, String status, String q, int offset,
                           List<Batch> batches, CaseSort.Ordering order, String priority) {
        /** Listing the whole suite: then {@code total} is the suite's size. */
        public boolean unfiltered() { return status.isEmpty() && q.isEmpty() && priority.isEmpty(); }

        public List<String> priorities() { return List.of(Priority.values()).stream().map(Priority::wireName).toList(); }

        public String href(int newOffset) { return href(order, newOffset); }

        /** The listing's URL: filters, order and page all in it, so a link or a reload shows the same list. */
        private String href(CaseSort.Ordering by, int newOffset) {
            return "/test-cases/suites/" + suite.id() + "?" + listing(by) + "&offset=" + Math.max(0, newOffset);
        }

        /** Sorting by {@code column}: ascending first, descending when it is already ascending; back to page one. */
        public String sortHref(String column) {
            CaseSort by = CaseSort.valueOf(column.toUpperCase(Locale.ROOT));
            return href(new CaseSort.Ordering(by, order.by() == by && !order.descending()), 0);
        }

        /** {@code ascending}, {@code descending} or {@code none}, for aria-sort. */
        public String ariaSort(String column) {
            if (!order.by().wireName().equals(column)) return "none";
            return order.descending() ? "descending" : "ascending";
        }

        /** What the case page needs to step through this same listing. */
        public String listingQuery() { return listing(order); }

        private String listing(CaseSort.Ordering by) {
            return "status=" + status + "&priority=" + priority + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&sort=" + by.wireName();
        }

        public boolean hasPrevious() { return offset > 0; }

        public boolean hasNext() { return offset + items.size() < total; }

        public List<String> statuses() { return List.of(CaseStatus.values()).stream().map(CaseStatus::wireName).toList(); }
    }

    /**
     * {@code revisions} newest first; {@code compare} the two revision numbers shown side by side (older, newer), if
     * asked; {@code listing} the query of the suite listing the reader came from, for previous/next.
     */
    public record CaseDetail(Suite suite, TestCase testCase, List<ProcedureRevision> revisions, TestCaseGenerationTexts texts,
                             Neighbours neighbours, String listing, Optional<int[]> compare,
                             Optional<ManageRequirementsUseCase.CaseRequirement> traced) {
        /**
         * The acceptance criteria step {@code index} (0-based) of the current revision verifies, when the case traces to a
         * requirement and the trace describes that revision (a later edit is not traced).
         */
        public List<StepCriterion> stepCriteria(int index) {
            if (traced.isEmpty() || testCase.procedure().isEmpty()) return List.of();
            var requirement = traced.get().requirement();
            return traced.get().trace().stepCriteria(testCase.procedure().get().number(), index).stream()
                    .map(code -> new StepCriterion(code, requirement.criterion(code).map(AcceptanceCriterion::text).orElse(""))).toList();
        }

        /** The requirement the case traces to, for the step list's heading. */
        public Optional<String> requirementReference() { return traced.map(t -> t.requirement().reference()); }

        /** Whether the step list can say which criteria its steps verify. */
        public boolean tracesSteps() {
            return traced.isPresent() && testCase.procedure().map(p -> p.number() == traced.get().trace().revision()).orElse(false);
        }

        /** The procedure can be changed by hand: generated, rejected, or failed with an earlier procedure to fix. */
        public boolean editable() { return testCase.procedureEditable(); }

        /** The wording can be changed now (not while the model works on it, not once approved). */
        public boolean contentEditable() {
            return testCase.status() == CaseStatus.DRAFT || testCase.status() == CaseStatus.GENERATED || testCase.status() == CaseStatus.FAILED;
        }

        public String caseHref(TestCaseId id) { return "/test-cases/cases/" + id.value() + (listing.isEmpty() ? "" : "?" + listing); }

        public Optional<ProcedureRevision> revision(int number) {
            return revisions.stream().filter(r -> r.number() == number).findFirst();
        }

        /** Step {@code index} of each compared revision differs (or exists in one only). */
        public boolean differs(ProcedureRevision older, ProcedureRevision newer, int index) {
            var a = older.procedure().steps();
            var b = newer.procedure().steps();
            return index >= a.size() || index >= b.size() || !a.get(index).equals(b.get(index));
        }

        public String compareHref(int older, int newer) {
            return "/test-cases/cases/" + testCase.id().value() + "?" + (listing.isEmpty() ? "" : listing + "&") + "compare=" + older + "," + newer + "#compare";
        }

        public boolean reviewable() { return testCase.status() == CaseStatus.GENERATED; }

        public boolean generatable() { return testCase.queueable(); }

        public boolean reopenable() { return testCase.status() == CaseStatus.APPROVED; }

        public boolean busy() { return testCase.status() == CaseStatus.QUEUED || testCase.status() == CaseStatus.GENERATING; }
    }

    /** A criterion a step verifies: its code, and its wording (empty when the requirement no longer has it). */
    public record StepCriterion(String code, String text) {}

    public record BatchDetail(Suite suite, BatchProgress progress, Optional<Long> backToCase, TestCaseGenerationTexts texts) {
        public int count(String state) { return progress.counts().get(JobState.valueOf(state.toUpperCase(Locale.ROOT))); }

        public int percent() { return progress.percent(); }

        public String state() { return !progress.done() ? "running" : progress.cancelled() ? "cancelled" : "completed"; }

        public String summary() { return TestCaseGenerationViews.BatchProgressView.summary(progress, state(), texts); }

        public String estimate() { return TestCaseGenerationViews.BatchProgressView.estimate(progress, texts); }

        public String back() { return backToCase.map(id -> "/test-cases/cases/" + id).orElse("/test-cases/suites/" + suite.id()); }

        /** Where the back link leads, in words: the case and its result, or the suite and its cases. */
        public String backKey() { return backToCase.isPresent() ? "tcg.batch.backToCase" : "tcg.batch.backToSuite"; }
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
        render(ctx, "testcasegeneration/suites.jte", "tcg.suites.title", Optional.empty(), Map.of(
                "suites", new SuiteList(found.items(), found.total(), offset, new TreeSet<>(actor.groups()))));
    }

    private void suitePage(Context ctx) {
        Actor actor = currentUser.actor(ctx);
        Suite suite = suites.get(actor, TestCaseGenerationRoutes.suiteId(ctx));
        Optional<CaseStatus> status = Params.text(ctx, "status").map(CaseStatus::parse);
        String q = Params.text(ctx, "q").orElse("");
        int offset = offset(ctx);
        CaseSort.Ordering order = CaseSort.parse(ctx.queryParam("sort"));
        Optional<Priority> priority = Params.text(ctx, "priority").map(Priority::parse);
        var found = cases.list(actor, new TestCaseQuery(suite.id(), status.map(Set::of).orElse(Set.of()),
                Optional.of(q), new PageRequest(PER_PAGE, offset), order, priority.map(Set::of).orElse(Set.of())));
        var batches = generation.batches(actor, suite.id(), new PageRequest(5, 0)).items();
        render(ctx, "testcasegeneration/suite.jte", "tcg.suite.title", Optional.of(suite.name()), Map.of("list", new CaseList(suite, found.items(),
                found.total(), status.map(CaseStatus::wireName).orElse(""), q, offset, batches, order,
                priority.map(Priority::wireName).orElse(""))));
    }

    private void casePage(Context ctx) {
        Actor actor = currentUser.actor(ctx);
        TestCase testCase = cases.get(actor, TestCaseGenerationRoutes.testCaseId(ctx));
        Suite suite = suites.get(actor, testCase.suite());
        // Previous/next walk the listing the reader came from: its filters and order travel in the URL.
        Optional<CaseStatus> status = Params.text(ctx, "status").map(CaseStatus::parse);
        String q = Params.text(ctx, "q").orElse("");
        CaseSort.Ordering order = CaseSort.parse(ctx.queryParam("sort"));
        Optional<Priority> priority = Params.text(ctx, "priority").map(Priority::parse);
        TestCaseQuery listing = new TestCaseQuery(suite.id(), status.map(Set::of).orElse(Set.of()), Optional.of(q),
                new PageRequest(1, 0), order, priority.map(Set::of).orElse(Set.of()));
        String listingQuery = "status=" + status.map(CaseStatus::wireName).orElse("") + "&priority="
                + priority.map(Priority::wireName).orElse("") + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&sort=" + order.wireName();
        Optional<int[]> compare = Params.text(ctx, "compare").filter(v -> v.matches("[1-9][0-9]{0,6},[1-9][0-9]{0,6}"))
                .map(v -> java.util.Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).sorted().toArray());
        render(ctx, "testcasegeneration/case.jte", "tcg.case.title",
                Optional.of(testCase.content().key().value() + " " + testCase.content().title()), Map.of(
                "detail", new CaseDetail(suite, testCase, cases.revisions(actor, testCase.id()).reversed(),
                        TestCaseGenerationRoutes.texts(ctx), cases.neighbours(actor, listing, testCase.id()), listingQuery, compare,
                        requirements.flatMap(r -> r.traceOf(actor, testCase.id())))));
    }

    private void batchPage(Context ctx) {
        Actor actor = currentUser.actor(ctx);
        BatchProgress progress = generation.progress(actor, TestCaseGenerationRoutes.batchId(ctx));
        Suite suite = suites.get(actor, progress.batch().suite());
        Optional<Long> backToCase = Params.text(ctx, "case").filter(v -> v.matches("[1-9][0-9]{0,17}")).map(Long::parseLong);
        render(ctx, "testcasegeneration/batch.jte", "tcg.batch.title", Optional.of(suite.name()), Map.of("detail",
                new BatchDetail(suite, progress, backToCase, TestCaseGenerationRoutes.texts(ctx))));
    }

    /** {@code object}: what the page is about (a suite's name, a case's key and title), named first in the tab's title. */
    private void render(Context ctx, String template, String titleKey, Optional<String> object, Map<String, Object> params) {
        Page generic = renderer.page(ctx, titleKey, "testcases", currentUser.of(ctx).value());
        Page page = object.map(name -> new Page(shortened(name) + " · " + generic.title(), generic.section(), generic.path(),
                generic.messages(), generic.userName(), generic.applications())).orElse(generic);
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        all.put("times", new Times(zone, page.dates()));
        renderer.render(ctx, template, all);
    }

    private static String shortened(String name) { return name.length() <= 80 ? name : name.substring(0, 79) + "…"; }

    private static int offset(Context ctx) { return Math.min(Math.max(0, Params.integer(ctx, "offset").orElse(0)), PageRequest.MAX_OFFSET); }
}
