package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchId;
import dev.concierge.domain.testcasegeneration.model.BatchNotFound;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ImportReport;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Provenance;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.SuiteNotFound;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.model.TestCaseNotFound;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;
import dev.concierge.domain.testcasegeneration.port.in.CreateSuiteCommand;
import dev.concierge.domain.kernel.StoredFile;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.ExportId;
import dev.concierge.domain.testcasegeneration.model.ExportJob;
import dev.concierge.domain.testcasegeneration.model.ExportNotFound;
import dev.concierge.domain.testcasegeneration.model.ExportNotReady;
import dev.concierge.domain.testcasegeneration.model.ExportState;
import dev.concierge.domain.testcasegeneration.model.ExportTooLarge;
import dev.concierge.domain.testcasegeneration.model.ImportOriginal;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;
import dev.concierge.domain.testcasegeneration.port.in.ExportProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ImportTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ReviewProcedureUseCase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Every test-case generation use case in memory, following the model's lifecycle rules, so the HTTP tests check
 * the adapter (parsing, status codes, views) and not a database. A "model" finishes one queued job per
 * {@link #advance()} (or per progress read, when {@link #advanceOnProgress} is set).
 */
final class InMemoryTestCaseGeneration implements ManageSuitesUseCase, ManageTestCasesUseCase, ImportTestCasesUseCase,
        ReviewProcedureUseCase, GenerateProceduresUseCase, ExportProceduresUseCase {
    /** As the workers record a generation: the prompt and schema versions are text, the figures numbers. */
    static final Provenance PROVENANCE = new Provenance("ollama", "qwen2.5:7b", "procedure-v2", "procedure-schema-v1", 2,
            1200, 300, Duration.ofMillis(4500));
    static final Procedure GENERATED = new Procedure(List.of(
            new Step("Open the login page", "The login form is shown"),
            new Step("Sign in as alice", "The dashboard opens", Optional.of("alice / secret"))));
    static final String NO_MODEL = "No LLM reachable at http://localhost:11434 — start Ollama or set LLM_PROVIDER=openai.";

    private final Map<SuiteId, Suite> suites = new LinkedHashMap<>();
    private final Map<TestCaseId, TestCase> cases = new LinkedHashMap<>();
    private final Map<TestCaseId, List<ProcedureRevision>> revisions = new LinkedHashMap<>();
    private final Map<BatchId, Batch> batches = new LinkedHashMap<>();
    private final Map<BatchId, Map<TestCaseId, JobState>> jobs = new LinkedHashMap<>();
    private final Map<BatchId, List<Instant>> finishedAt = new LinkedHashMap<>();
    private Instant now = Instant.parse("2026-11-23T01:00:00Z");
    private long nextSuite = 1;
    private long nextCase = 1;
    volatile boolean modelAvailable = true;
    volatile boolean advanceOnProgress = false;

    // suites ---------------------------------------------------------------------------------------------------
    @Override public synchronized Suite create(CreateSuiteCommand command) {
        Actor actor = command.actor();
        String team = command.team().orElseGet(() -> new TreeSet<>(actor.groups()).stream().findFirst()
                .orElseThrow(() -> new RuleViolated("no_team", "You belong to no team; ask to be added to one.")));
        if (!actor.memberOf(team)) throw new RuleViolated("not_a_member", "You are not a member of team " + team + ".");
        Suite suite = new Suite(new SuiteId(nextSuite++), command.suite().name(), command.suite().description(), team, actor.user(), tick());
        suites.put(suite.id(), suite);
        return suite;
    }

    @Override public synchronized Suite get(Actor actor, SuiteId id) {
        Suite suite = suites.get(id);
        if (suite == null || !actor.memberOf(suite.team())) throw new SuiteNotFound(id);
        return suite;
    }

    @Override public synchronized Page<Suite> list(Actor actor, PageRequest page) {
        return page(suites.values().stream().filter(s -> actor.memberOf(s.team())).toList(), page);
    }

    @Override public synchronized Suite rename(Actor actor, SuiteId id, dev.concierge.domain.testcasegeneration.model.NewSuite suite) {
        Suite s = get(actor, id);
        Suite renamed = new Suite(s.id(), suite.name(), suite.description(), s.team(), s.createdBy(), s.createdAt());
        suites.put(id, renamed);
        return renamed;
    }

    @Override public synchronized void delete(Actor actor, SuiteId id) {
        get(actor, id);
        suites.remove(id);
        cases.values().removeIf(c -> c.suite().equals(id));
    }

    @Override public synchronized void delete(Actor actor, TestCaseId id) {
        get(actor, id);
        cases.remove(id);
        revisions.remove(id);
    }

    @Override public synchronized dev.concierge.domain.testcasegeneration.model.Neighbours neighbours(Actor actor, TestCaseQuery query, TestCaseId id) {
        List<TestCase> all = list(actor, new TestCaseQuery(query.suite(), query.statuses(), query.search(),
                new PageRequest(PageRequest.MAX_LIMIT, 0), query.order(), query.priorities())).items();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).id().equals(id)) continue;
            return new dev.concierge.domain.testcasegeneration.model.Neighbours(
                    i > 0 ? Optional.of(all.get(i - 1).id()) : Optional.empty(),
                    i + 1 < all.size() ? Optional.of(all.get(i + 1).id()) : Optional.empty(), i + 1, all.size());
        }
        return dev.concierge.domain.testcasegeneration.model.Neighbours.none();
    }

    @Override public synchronized dev.concierge.domain.testcasegeneration.model.BulkApproval approveAll(Actor actor, SuiteId suite,
                                                                                                      Map<TestCaseId, Long> versions) {
        get(actor, suite);
        List<TestCase> approved = new ArrayList<>();
        List<dev.concierge.domain.testcasegeneration.model.SkippedCase> skipped = new ArrayList<>();
        for (var entry : versions.entrySet()) {
            TestCase c = cases.get(entry.getKey());
            if (c == null || !c.suite().equals(suite)) continue;
            if (c.status() != CaseStatus.GENERATED || c.version() != entry.getValue()) {
                skipped.add(dev.concierge.domain.testcasegeneration.model.SkippedCase.of(c));
            } else {
                approved.add(save(c.approve(actor.user(), tick())));
            }
        }
        return new dev.concierge.domain.testcasegeneration.model.BulkApproval(approved, skipped);
    }

    @Override public synchronized dev.concierge.domain.testcasegeneration.model.GenerationStarted start(GenerateProceduresCommand command) {
        if (command.allDrafts()) return new dev.concierge.domain.testcasegeneration.model.GenerationStarted(generate(command), List.of());
        List<TestCase> selected = command.cases().stream().map(id -> get(command.actor(), id)).toList();
        List<TestCaseId> queueable = selected.stream().filter(TestCase::queueable).map(TestCase::id).toList();
        if (queueable.isEmpty()) return new dev.concierge.domain.testcasegeneration.model.GenerationStarted(generate(command), List.of());
        Batch batch = generate(new GenerateProceduresCommand(command.actor(), command.suite(), queueable));
        return new dev.concierge.domain.testcasegeneration.model.GenerationStarted(batch,
                selected.stream().filter(c -> !c.queueable() && !queueable.contains(c.id()))
                        .map(dev.concierge.domain.testcasegeneration.model.SkippedCase::of).toList());
    }

    // test cases -----------------------------------------------------------------------------------------------
    @Override public synchronized TestCase create(Actor actor, SuiteId suite, TestCaseContent content) {
        get(actor, suite);
        if (findByKey(suite, content.key()).isPresent()) {
            throw new Conflict("duplicate_key", "Suite " + suite + " already has a test case " + content.key() + ".");
        }
        TestCase created = new TestCase(new TestCaseId(nextCase++), suite, content, CaseStatus.DRAFT, Optional.empty(),
                Optional.empty(), Optional.empty(), 1, tick());
        cases.put(created.id(), created);
        return created;
    }

    @Override public synchronized TestCase update(Actor actor, TestCaseId id, TestCaseContent content, long expectedVersion) {
        return change(actor, id, expectedVersion, c -> c.withContent(content, tick()));
    }

    @Override public synchronized TestCase get(Actor actor, TestCaseId id) {
        TestCase found = cases.get(id);
        if (found == null) throw new TestCaseNotFound(id);
        try {
            get(actor, found.suite());
        } catch (SuiteNotFound e) {
            throw new TestCaseNotFound(id);
        }
        return found;
    }

    @Override public synchronized Page<TestCase> list(Actor actor, TestCaseQuery query) {
        get(actor, query.suite());
        String q = query.search().map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        return page(cases.values().stream()
                .filter(c -> c.suite().equals(query.suite()))
                .filter(c -> query.statuses().isEmpty() || query.statuses().contains(c.status()))
                .filter(c -> query.priorities().isEmpty() || query.priorities().contains(c.content().priority()))
                .filter(c -> (c.content().key().value() + " " + c.content().title() + " " + c.content().requirementText())
                        .toLowerCase(Locale.ROOT).contains(q))
                .sorted(order(query.order())).toList(), query.page());
    }

    private static Comparator<TestCase> order(dev.concierge.domain.testcasegeneration.model.CaseSort.Ordering ordering) {
        Comparator<TestCase> by = switch (ordering.by()) {
            case KEY -> Comparator.comparing(c -> c.content().key().value());
            case TITLE -> Comparator.comparing(c -> c.content().title());
            case PRIORITY -> Comparator.comparing(c -> c.content().priority());
            case STATUS -> Comparator.comparing(TestCase::status);
            case UPDATED -> Comparator.comparing(TestCase::updatedAt);
        };
        if (ordering.descending()) by = by.reversed();
        return by.thenComparing(c -> c.content().key().value());
    }

    @Override public synchronized List<ProcedureRevision> revisions(Actor actor, TestCaseId id) {
        get(actor, id);
        return List.copyOf(revisions.getOrDefault(id, List.of()));
    }

    // import ---------------------------------------------------------------------------------------------------
    /** The originals of imports, as the file store would keep them. */
    final List<ImportOriginal> originals = new ArrayList<>();

    @Override public synchronized ImportReport importCases(Actor actor, SuiteId suite, List<ImportRow> rows, ImportOriginal original) {
        originals.add(original);
        get(actor, suite);
        if (rows.isEmpty()) throw InvalidInput.field("file", "no_rows");
        List<FieldError> problems = new ArrayList<>();
        Map<TestCaseKey, TestCaseContent> valid = new LinkedHashMap<>();
        Set<TestCaseKey> seen = new HashSet<>();
        for (ImportRow row : rows) {
            try {
                TestCaseContent content = new TestCaseContent(new TestCaseKey(row.key()), row.title(), row.preconditions(),
                        row.expectedResult(), row.requirementReference(), row.requirementText(), Priority.parse(row.priority()), row.tags());
                if (!seen.add(content.key())) problems.add(FieldError.of("line " + row.line() + ": key", "duplicate", content.key().value()));
                else valid.put(content.key(), content);
            } catch (InvalidInput invalid) {
                invalid.details().forEach(d -> problems.add(d.under("line " + row.line() + ": ")));
            }
        }
        if (!problems.isEmpty()) throw new InvalidInput(problems);
        int created = 0, updated = 0, unchanged = 0;
        for (var content : valid.values()) {
            var existing = findByKey(suite, content.key());
            if (existing.isEmpty()) {
                create(actor, suite, content);
                created++;
            } else if (existing.get().content().equals(content)) {
                unchanged++;
            } else {
                save(existing.get().withContent(content, tick()));
                updated++;
            }
        }
        return new ImportReport(created, updated, unchanged, 0);
    }

    /** As the domain does it, with fewer words: the real service is tested on its own (ImportModesTest). */
    @Override public synchronized dev.concierge.domain.testcasegeneration.model.ImportOutcome importCases(Actor actor, SuiteId suite,
            List<ImportRow> rows, ImportOriginal original, dev.concierge.domain.testcasegeneration.model.ImportMode mode, boolean preview) {
        get(actor, suite);
        if (rows.isEmpty()) throw InvalidInput.field("file", "no_rows");
        if (!preview) { // all or nothing: checked first, as a preview
            var check = importCases(actor, suite, rows, original, mode, true);
            if (!check.problems().isEmpty()) throw new InvalidInput(check.problems());
        }
        List<FieldError> problems = new ArrayList<>();
        List<dev.concierge.domain.testcasegeneration.model.ImportOutcome.RowOutcome> outcomes = new ArrayList<>();
        int[] counts = new int[5];
        Set<TestCaseKey> seen = new HashSet<>();
        for (ImportRow row : rows) {
            TestCaseContent content;
            try {
                content = new TestCaseContent(new TestCaseKey(row.key()), row.title(), row.preconditions(),
                        row.expectedResult(), row.requirementReference(), row.requirementText(), Priority.parse(row.priority()), row.tags());
                if (!seen.add(content.key())) throw new InvalidInput(List.of(FieldError.of("key", "duplicate", content.key().value())));
                Procedure.problemsOf(row.steps().isEmpty() ? List.of(new Step("x", "x")) : row.steps())
                        .forEach(p -> problems.add(p.under("line " + row.line() + ": ")));
            } catch (InvalidInput invalid) {
                invalid.details().forEach(d -> problems.add(d.under("line " + row.line() + ": ")));
                outcomes.add(new dev.concierge.domain.testcasegeneration.model.ImportOutcome.RowOutcome(row.line(), row.key(), "invalid", row.steps().size()));
                counts[4]++;
                continue;
            }
            var existing = findByKey(suite, content.key());
            String action = existing.isEmpty() ? (mode == dev.concierge.domain.testcasegeneration.model.ImportMode.UPDATE ? "skipped" : "created")
                    : mode == dev.concierge.domain.testcasegeneration.model.ImportMode.CREATE ? "skipped"
                    : existing.get().content().equals(content) && row.steps().isEmpty() ? "unchanged" : "updated";
            if (!preview) {
                TestCase target = switch (action) {
                    case "created" -> create(actor, suite, content);
                    case "updated" -> save(existing.get().withContent(content, tick()));
                    default -> null;
                };
                if (target != null && !row.steps().isEmpty()) save(target.imported(new Procedure(row.steps()), actor.user(), tick()));
            }
            switch (action) {
                case "created" -> counts[0]++;
                case "updated" -> counts[1]++;
                case "unchanged" -> counts[2]++;
                default -> counts[4]++;
            }
            outcomes.add(new dev.concierge.domain.testcasegeneration.model.ImportOutcome.RowOutcome(row.line(), content.key().value(), action, row.steps().size()));
        }
        if (!preview) originals.add(original);
        return new dev.concierge.domain.testcasegeneration.model.ImportOutcome(preview, mode, new ImportReport(counts[0], counts[1], counts[2], counts[3]),
                counts[4], outcomes, problems);
    }

    // review ---------------------------------------------------------------------------------------------------
    @Override public synchronized TestCase edit(Actor actor, TestCaseId id, Procedure procedure, long expectedVersion) {
        return change(actor, id, expectedVersion, c -> c.edit(procedure, actor.user(), tick()));
    }

    @Override public synchronized TestCase approve(Actor actor, TestCaseId id, long expectedVersion) {
        return change(actor, id, expectedVersion, c -> c.approve(actor.user(), tick()));
    }

    @Override public synchronized TestCase reject(Actor actor, TestCaseId id, String reason, long expectedVersion) {
        return change(actor, id, expectedVersion, c -> c.reject(reason, tick()));
    }

    @Override public synchronized TestCase reopen(Actor actor, TestCaseId id, long expectedVersion) {
        return change(actor, id, expectedVersion, c -> c.reopen(tick()));
    }

    // generation -----------------------------------------------------------------------------------------------
    @Override public synchronized Batch generate(GenerateProceduresCommand command) {
        Suite suite = get(command.actor(), command.suite());
        if (!modelAvailable) throw new Unavailable("llm_unavailable", NO_MODEL);
        List<TestCase> selected = command.allDrafts()
                ? cases.values().stream().filter(c -> c.suite().equals(suite.id()) && c.status() == CaseStatus.DRAFT).toList()
                : command.cases().stream().map(id -> {
                    TestCase c = get(command.actor(), id);
                    if (!c.suite().equals(suite.id())) throw new TestCaseNotFound(id);
                    return c;
                }).toList();
        if (selected.isEmpty()) throw new RuleViolated("nothing_to_generate", "The suite has no draft to generate.");
        List<FieldError> refused = selected.stream().filter(c -> !c.queueable())
                .map(c -> FieldError.of(c.content().key().value(), c.status() == CaseStatus.GENERATING ? "being_generated" : "already_queued")).toList();
        if (!refused.isEmpty()) throw new RuleViolated("not_generatable", "Some selected cases cannot be generated now.", refused);
        List<TestCase> queued = selected.stream().map(c -> c.queue(now)).toList();
        Batch batch = new Batch(BatchId.random(), suite.id(), command.actor().user(), tick(), queued.size(), false);
        Map<TestCaseId, JobState> batchJobs = new LinkedHashMap<>();
        for (TestCase c : queued) {
            save(c);
            batchJobs.put(c.id(), JobState.QUEUED);
        }
        batches.put(batch.id(), batch);
        jobs.put(batch.id(), batchJobs);
        finishedAt.put(batch.id(), new ArrayList<>());
        return batch;
    }

    @Override public synchronized BatchProgress progress(Actor actor, BatchId id) {
        Batch batch = batch(actor, id);
        if (advanceOnProgress) advance(id);
        return progressOf(batch.id());
    }

    @Override public synchronized BatchProgress cancel(Actor actor, BatchId id) {
        Batch batch = batch(actor, id);
        var batchJobs = jobs.get(id);
        for (var job : batchJobs.entrySet()) {
            if (job.getValue() == JobState.QUEUED) {
                job.setValue(JobState.CANCELLED);
                save(cases.get(job.getKey()).dequeued(tick()));
            }
        }
        batches.put(id, new Batch(batch.id(), batch.suite(), batch.requestedBy(), batch.createdAt(), batch.size(), true));
        return progressOf(id);
    }

    @Override public synchronized Page<Batch> batches(Actor actor, SuiteId suite, PageRequest page) {
        get(actor, suite);
        return page(batches.values().stream().filter(b -> b.suite().equals(suite)).toList().reversed(), page);
    }

    /** The model finishes the next queued job of any batch; false when nothing was queued. */
    synchronized boolean advance() {
        for (BatchId id : jobs.keySet()) if (advance(id)) return true;
        return false;
    }

    /** The model gives up on the next queued job with {@code reason}. */
    synchronized void failNext(dev.concierge.domain.testcasegeneration.model.GenerationFailure reason) {
        for (BatchId id : jobs.keySet()) {
            for (var job : jobs.get(id).entrySet()) {
                if (job.getValue() != JobState.QUEUED) continue;
                save(cases.get(job.getKey()).startGenerating(tick()).generationFailed(reason, tick()));
                job.setValue(JobState.FAILED);
                finishedAt.get(id).add(now);
                return;
            }
        }
    }

    private boolean advance(BatchId id) {
        for (var job : jobs.get(id).entrySet()) {
            if (job.getValue() != JobState.QUEUED) continue;
            TestCase c = cases.get(job.getKey());
            save(c.startGenerating(tick()).generated(GENERATED, Optional.of(PROVENANCE), tick()));
            job.setValue(JobState.SUCCEEDED);
            finishedAt.get(id).add(now);
            return true;
        }
        return false;
    }

    private BatchProgress progressOf(BatchId id) {
        Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
        jobs.get(id).values().forEach(state -> counts.merge(state, 1, Integer::sum));
        List<Instant> finished = finishedAt.get(id);
        return new BatchProgress(batches.get(id), counts, finished.stream().findFirst(),
                finished.isEmpty() ? Optional.empty() : Optional.of(finished.getLast()), now);
    }

    private Batch batch(Actor actor, BatchId id) {
        Batch batch = batches.get(id);
        if (batch == null) throw new BatchNotFound(id);
        try {
            get(actor, batch.suite());
        } catch (SuiteNotFound e) {
            throw new BatchNotFound(id);
        }
        return batch;
    }

    // export ---------------------------------------------------------------------------------------------------
    @Override public synchronized SuiteExport export(Actor actor, SuiteId suite) { return export(actor, suite, false); }

    @Override public synchronized SuiteExport export(Actor actor, SuiteId suite, boolean approvedOnly) {
        Suite found = get(actor, suite);
        List<TestCase> inSuite = casesOf(suite);
        if (inSuite.size() > DIRECT_LIMIT) throw new ExportTooLarge(suite, inSuite.size(), DIRECT_LIMIT);
        List<TestCase> exported = approvedOnly ? inSuite.stream().filter(c -> c.status() == CaseStatus.APPROVED).toList() : inSuite;
        return new SuiteExport(found, inSuite.size(), exported::forEach);
    }

    private List<TestCase> casesOf(SuiteId suite) {
        return cases.values().stream().filter(c -> c.suite().equals(suite)).sorted(Comparator.comparing(c -> c.content().key().value())).toList();
    }

    private final Map<ExportId, ExportJob> exportJobs = new LinkedHashMap<>();
    private final Map<ExportId, byte[]> exportFiles = new LinkedHashMap<>();

    @Override public synchronized ExportJob startExport(Actor actor, SuiteId suite, ExportFormat format, Language language) {
        return startExport(actor, suite, format, language, false);
    }

    @Override public synchronized ExportJob startExport(Actor actor, SuiteId suite, ExportFormat format, Language language, boolean approvedOnly) {
        get(actor, suite);
        ExportJob job = ExportJob.queued(ExportId.random(), suite, format, language, actor.user(), tick(), approvedOnly);
        exportJobs.put(job.id(), job);
        return job;
    }

    @Override public synchronized ExportJob exportJob(Actor actor, ExportId id) {
        ExportJob job = exportJobs.get(id);
        if (job == null) throw new ExportNotFound(id);
        try {
            get(actor, job.suite());
        } catch (SuiteNotFound e) {
            throw new ExportNotFound(id);
        }
        return job;
    }

    @Override public synchronized Download download(Actor actor, ExportId id) {
        ExportJob job = exportJob(actor, id);
        if (!job.ready()) throw new ExportNotReady(job);
        byte[] bytes = exportFiles.get(id);
        return new Download(job, new StoredFile(job.fileKey(), bytes.length, new java.io.ByteArrayInputStream(bytes)));
    }

    /** What the export worker does: makes the file of every queued export with the adapter's writer. */
    synchronized void runExports() throws java.io.IOException {
        for (ExportJob job : List.copyOf(exportJobs.values())) {
            if (job.state() != ExportState.QUEUED) continue;
            List<TestCase> inSuite = casesOf(job.suite());
            var out = new java.io.ByteArrayOutputStream();
            new SuiteExportWriter().write(new SuiteExport(suites.get(job.suite()), inSuite.size(), inSuite::forEach), job.format(), job.language(), out);
            exportFiles.put(job.id(), out.toByteArray());
            exportJobs.put(job.id(), new ExportJob(job.id(), job.suite(), job.format(), ExportState.READY, job.requestedBy(),
                    job.createdAt(), Optional.of(tick()), Optional.of(job.fileKey()), out.size(), inSuite.size(), 1, Optional.empty(), job.language()));
        }
    }

    // helpers --------------------------------------------------------------------------------------------------
    synchronized TestCase stored(TestCaseId id) { return cases.get(id); }

    synchronized int caseCount() { return cases.size(); }

    synchronized int suiteCount() { return suites.size(); }

    private TestCase change(Actor actor, TestCaseId id, long expectedVersion, UnaryOperator<TestCase> transition) {
        TestCase current = get(actor, id);
        if (current.version() != expectedVersion) {
            throw new Conflict("stale", "Test case " + current.content().key() + " was changed by someone else (version "
                    + current.version() + ", you had " + expectedVersion + "). Reload it and try again.");
        }
        TestCase changed = transition.apply(current);
        return changed == current ? current : save(changed);
    }

    private TestCase save(TestCase changed) {
        TestCase saved = new TestCase(changed.id(), changed.suite(), changed.content(), changed.status(), changed.procedure(),
                changed.failureReason(), changed.reviewerFeedback(), changed.version() + 1, changed.updatedAt());
        TestCase before = cases.put(saved.id(), saved);
        if (saved.procedure().isPresent() && (before == null || !before.procedure().equals(saved.procedure()))) {
            revisions.computeIfAbsent(saved.id(), k -> new ArrayList<>()).add(saved.procedure().get());
        }
        return saved;
    }

    private Optional<TestCase> findByKey(SuiteId suite, TestCaseKey key) {
        return cases.values().stream().filter(c -> c.suite().equals(suite) && c.content().key().equals(key)).findFirst();
    }

    private Instant tick() {
        now = now.plus(Duration.ofSeconds(30));
        return now;
    }

    private static <T> Page<T> page(List<T> all, PageRequest page) {
        return new Page<>(all.stream().skip(page.offset()).limit(page.limit()).toList(), all.size());
    }
}
