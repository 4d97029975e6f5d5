package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.StoredFiles;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.testcasegeneration.model.ImportReport;
import dev.concierge.domain.testcasegeneration.model.ImportMode;
import dev.concierge.domain.testcasegeneration.model.ImportOutcome;
import dev.concierge.domain.testcasegeneration.model.TestCaseNotFound;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.SkippedCase;
import dev.concierge.domain.testcasegeneration.model.BulkApproval;
import dev.concierge.domain.testcasegeneration.model.Neighbours;
import dev.concierge.domain.testcasegeneration.model.ImportOriginal;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;
import dev.concierge.domain.testcasegeneration.port.in.ImportTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ReviewProcedureUseCase;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;
import dev.concierge.domain.testcasegeneration.port.out.Transactions;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Writing, importing and reviewing test cases. */
public final class TestCasesService implements ManageTestCasesUseCase, ImportTestCasesUseCase, ReviewProcedureUseCase {
    public static final int MAX_IMPORT_ROWS = 5_000;
    /** (): the file holds no test case, only a header or nothing. */
    public static final String NO_ROWS = "no_rows";
    /** (rows, max): more rows than one import takes. */
    public static final String TOO_MANY_ROWS = "too_many_rows";

    private final TestCaseRepository cases;
    private final SuiteAccess access;
    private final Transactions transactions;
    private final Clock clock;

    private final StoredFiles files;
    private final RevisionChecks checks;
    private final Optional<CaseEmbeddings> embeddings;
    /** Imports up to this many changed cases are checked for duplicates at once; larger ones by the suite's "check now". */
    public static final int EMBED_AT_IMPORT = 1_000;

    public TestCasesService(SuiteRepository suites, TestCaseRepository cases, Transactions transactions, StoredFiles files, Clock clock) {
        this(suites, cases, transactions, files, RevisionChecks.none(clock), clock);
    }

    /** {@code checks} scores each revision a person saves. */
    public TestCasesService(SuiteRepository suites, TestCaseRepository cases, Transactions transactions, StoredFiles files,
                            RevisionChecks checks, Clock clock) {
        this(suites, cases, transactions, files, checks, Optional.empty(), clock);
    }

    /** {@code embeddings}: the imported cases' vectors are made right after the import, for the duplicates check. */
    public TestCasesService(SuiteRepository suites, TestCaseRepository cases, Transactions transactions, StoredFiles files,
                            RevisionChecks checks, Optional<CaseEmbeddings> embeddings, Clock clock) {
        this.embeddings = embeddings;
        this.checks = checks;
        this.cases = cases;
        this.access = new SuiteAccess(suites, cases);
        this.transactions = transactions;
        this.files = files;
        this.clock = clock;
    }

    @Override public TestCase create(Actor actor, SuiteId suite, TestCaseContent content) {
        access.suite(actor, suite);
        return cases.create(suite, content, clock.instant());
    }

    @Override public TestCase update(Actor actor, TestCaseId id, TestCaseContent content, long expectedVersion) {
        return change(actor, id, expectedVersion, current -> current.withContent(content, clock.instant()));
    }

    @Override public TestCase get(Actor actor, TestCaseId id) { return access.testCase(actor, id); }

    @Override public Page<TestCase> list(Actor actor, TestCaseQuery query) {
        access.suite(actor, query.suite());
        return cases.list(query);
    }

    @Override public List<ProcedureRevision> revisions(Actor actor, TestCaseId id) {
        access.testCase(actor, id);
        return cases.revisions(id);
    }

    @Override public TestCase edit(Actor actor, TestCaseId id, Procedure procedure, long expectedVersion) {
        TestCase edited = change(actor, id, expectedVersion, current -> current.edit(procedure, actor.user(), clock.instant()));
        checks.scoreCurrent(edited);
        return edited;
    }

    @Override public TestCase approve(Actor actor, TestCaseId id, long expectedVersion) {
        return change(actor, id, expectedVersion, current -> current.approve(actor.user(), clock.instant()));
    }

    @Override public TestCase reject(Actor actor, TestCaseId id, String reason, long expectedVersion) {
        return change(actor, id, expectedVersion, current -> current.reject(reason, clock.instant()));
    }

    @Override public TestCase reopen(Actor actor, TestCaseId id, long expectedVersion) {
        return change(actor, id, expectedVersion, current -> current.reopen(clock.instant()));
    }

    private TestCase change(Actor actor, TestCaseId id, long expectedVersion, UnaryOperator<TestCase> transition) {
        TestCase current = access.testCase(actor, id);
        if (current.version() != expectedVersion) {
            throw new Conflict("stale", "Test case " + current.content().key() + " was changed by someone else (version "
                    + current.version() + ", you had " + expectedVersion + "). Reload it and try again.");
        }
        TestCase changed = transition.apply(current);
        return changed == current ? current : cases.save(changed);
    }

    @Override public ImportReport importCases(Actor actor, SuiteId suite, List<ImportRow> rows, ImportOriginal original) {
        return importCases(actor, suite, rows, original, ImportMode.UPSERT, false).counts();
    }

    @Override public ImportOutcome importCases(Actor actor, SuiteId suite, List<ImportRow> rows, ImportOriginal original,
                                               ImportMode mode, boolean preview) {
        access.suite(actor, suite);
        if (rows.isEmpty()) throw InvalidInput.field("file", NO_ROWS);
        if (rows.size() > MAX_IMPORT_ROWS) throw InvalidInput.field("file", TOO_MANY_ROWS, rows.size(), MAX_IMPORT_ROWS);
        Map<TestCaseKey, Parsed> valid = new LinkedHashMap<>();
        Validation problems = new Validation();
        List<ImportOutcome.RowOutcome> invalid = new ArrayList<>();
        Set<String> seenKeys = new HashSet<>();
        for (ImportRow row : rows) {
            // Each part is checked on its own, so a row with several problems lists all of them at once.
            Validation rowProblems = new Validation();
            TestCaseKey key = rowProblems.nested("", () -> new TestCaseKey(row.key())).orElse(null);
            Priority priority = rowProblems.nested("", () -> Priority.parse(row.priority())).orElse(null);
            TestCaseContent content = rowProblems.nested("", () -> new TestCaseContent(new TestCaseKey("row"), row.title(),
                    row.preconditions(), row.expectedResult(), row.requirementReference(), row.requirementText(), Priority.MEDIUM, row.tags()))
                    .orElse(null);
            if (key != null) rowProblems.check(seenKeys.add(key.value()), "key", Validation.DUPLICATE, key.value());
            if (!row.steps().isEmpty()) rowProblems.addAll(Procedure.problemsOf(row.steps()));
            if (rowProblems.isValid()) {
                valid.put(key, new Parsed(row.line(), new TestCaseContent(key, content.title(), content.preconditions(), content.expectedResult(),
                        content.requirementReference(), content.requirementText(), priority, content.tags()),
                        row.steps().isEmpty() ? Optional.empty() : Optional.of(new Procedure(row.steps()))));
            } else {
                rowProblems.errors().forEach(d -> problems.addAll(List.of(d.under("line " + row.line() + ": "))));
                invalid.add(new ImportOutcome.RowOutcome(row.line(), row.key() == null ? "" : row.key(), "invalid", row.steps().size()));
            }
        }
        if (preview) {
            List<ImportOutcome.RowOutcome> outcomes = new ArrayList<>(invalid);
            int[] counts = new int[5];
            for (var entry : valid.entrySet()) {
                String action = plan(cases.findByKey(suite, entry.getKey()), entry.getValue(), mode);
                count(counts, action);
                outcomes.add(new ImportOutcome.RowOutcome(entry.getValue().line(), entry.getKey().value(), action,
                        entry.getValue().steps().map(p -> p.steps().size()).orElse(0)));
            }
            outcomes.sort(java.util.Comparator.comparingInt(ImportOutcome.RowOutcome::line));
            return new ImportOutcome(true, mode, new ImportReport(counts[0], counts[1], counts[2], counts[3]), counts[4], outcomes, problems.errors());
        }
        problems.throwIfInvalid(); // nothing is imported while any row has a problem
        // Kept before the cases change, so every import that changed anything has its original on file.
        files.write(originalKey(suite), original.contentType(), out -> out.write(original.bytes()));
        ImportOutcome outcome = transactions.inTransaction(() -> upsert(actor, suite, valid, mode));
        embedImported(suite, outcome);
        return outcome;
    }

    /** After the commit, outside the transaction: the model's pace must not hold it, and its absence never fails the import. */
    private void embedImported(SuiteId suite, ImportOutcome outcome) {
        if (embeddings.isEmpty()) return;
        List<TestCase> changed = outcome.rows().stream().filter(r -> r.action().equals("created") || r.action().equals("updated"))
                .limit(EMBED_AT_IMPORT).map(r -> cases.findByKey(suite, new TestCaseKey(r.key()))).flatMap(Optional::stream).toList();
        embeddings.get().refresh(suite, changed);
    }

    /** A valid row: its line, what the case will say, and the steps it brings (TestRail, Xray). */
    private record Parsed(int line, TestCaseContent content, Optional<Procedure> steps) {}

    /** What importing {@code row} would do to the case its key names. */
    private static String plan(Optional<TestCase> existing, Parsed row, ImportMode mode) {
        if (existing.isEmpty()) return mode == ImportMode.UPDATE ? "skipped" : "created";
        if (mode == ImportMode.CREATE) return "skipped";
        TestCase current = existing.get();
        boolean sameSteps = row.steps().isEmpty() || current.procedure().map(p -> p.procedure().equals(row.steps().get())).orElse(false);
        if (current.content().equals(row.content()) && sameSteps) return "unchanged";
        return current.contentEditable() ? "updated" : "locked";
    }

    private static void count(int[] counts, String action) {
        switch (action) {
            case "created" -> counts[0]++;
            case "updated" -> counts[1]++;
            case "unchanged" -> counts[2]++;
            case "locked" -> counts[3]++;
            default -> counts[4]++;
        }
    }

    /** Named by time (sortable) and a random part, so two imports of the same second never share a file. */
    private FileKey originalKey(SuiteId suite) {
        String at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(clock.instant());
        return new FileKey("test-case-generation/imports/suite-" + suite.value() + "/" + at + "-" + UUID.randomUUID() + ".csv");
    }

    private ImportOutcome upsert(Actor actor, SuiteId suite, Map<TestCaseKey, Parsed> rows, ImportMode mode) {
        int[] counts = new int[5];
        List<ImportOutcome.RowOutcome> outcomes = new ArrayList<>();
        for (var entry : rows.entrySet()) {
            Parsed row = entry.getValue();
            var existing = cases.findByKey(suite, entry.getKey());
            String action = plan(existing, row, mode);
            switch (action) {
                case "created" -> {
                    TestCase created = cases.create(suite, row.content(), clock.instant());
                    if (row.steps().isPresent()) checks.scoreCurrent(cases.save(created.imported(row.steps().get(), actor.user(), clock.instant())));
                }
                case "updated" -> {
                    try {
                        TestCase changed = cases.save(existing.get().withContent(row.content(), clock.instant()));
                        if (row.steps().isPresent()) {
                            TestCase withSteps = changed.imported(row.steps().get(), actor.user(), clock.instant());
                            if (withSteps != changed) checks.scoreCurrent(cases.save(withSteps));
                        }
                    } catch (RuleViolated inFlightOrApproved) {
                        action = "locked"; // it changed state since it was read
                    }
                }
                default -> { }
            }
            count(counts, action);
            outcomes.add(new ImportOutcome.RowOutcome(row.line(), entry.getKey().value(), action, row.steps().map(p -> p.steps().size()).orElse(0)));
        }
        return new ImportOutcome(false, mode, new ImportReport(counts[0], counts[1], counts[2], counts[3]), counts[4], outcomes, List.of());
    }

    @Override public void delete(Actor actor, TestCaseId id) {
        access.testCase(actor, id);
        if (!cases.delete(id)) throw new TestCaseNotFound(id);
    }

    @Override public Neighbours neighbours(Actor actor, TestCaseQuery query, TestCaseId id) {
        access.suite(actor, query.suite());
        return cases.neighbours(query, id);
    }

    @Override public BulkApproval approveAll(Actor actor, SuiteId suite, Map<TestCaseId, Long> expectedVersions) {
        access.suite(actor, suite);
        List<TestCase> approved = new ArrayList<>();
        List<SkippedCase> skipped = new ArrayList<>();
        for (TestCase current : cases.findAll(expectedVersions.keySet())) {
            if (!current.suite().equals(suite)) continue; // another suite's case is not this suite's to approve
            Long seen = expectedVersions.get(current.id());
            if (current.status() != CaseStatus.GENERATED || seen == null || seen != current.version()) {
                skipped.add(SkippedCase.of(current));
                continue;
            }
            try {
                approved.add(transactions.inTransaction(() -> cases.save(current.approve(actor.user(), clock.instant()))));
            } catch (Conflict changedMeanwhile) {
                skipped.add(SkippedCase.of(current));
            }
        }
        return new BulkApproval(approved, skipped);
    }
}
