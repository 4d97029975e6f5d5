package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.testcasegeneration.model.CaseSort;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.Neighbours;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.Provenance;
import dev.concierge.domain.testcasegeneration.model.RevisionChange;
import dev.concierge.domain.testcasegeneration.model.RevisionKind;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.PROCEDURE_REVISIONS;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.TEST_CASES;
import static org.jooq.impl.DSL.choose;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.lead;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.noCondition;

/**
 * Test cases with their current procedure revision. Every change is guarded by {@code version} (a stale read is
 * refused), and a revision number is stored once per case, so storing the same revision twice adds nothing.
 */
final class JooqTestCaseRepository implements TestCaseRepository {
    private static final Field<Integer> TOTAL = count().over().as("total");

    private final JooqTransactions transactions;

    JooqTestCaseRepository(JooqTransactions transactions) { this.transactions = transactions; }

    @Override public TestCase create(SuiteId suite, TestCaseContent content, Instant at) {
        // ON CONFLICT keeps a running transaction usable (a unique violation would abort it) and lets the key decide.
        Optional<Long> id = transactions.dsl().insertInto(TEST_CASES)
                .set(TEST_CASES.SUITE_ID, suite.value())
                .set(TEST_CASES.KEY, content.key().value())
                .set(TEST_CASES.TITLE, content.title())
                .set(TEST_CASES.PRECONDITIONS, content.preconditions())
                .set(TEST_CASES.EXPECTED_RESULT, content.expectedResult())
                .set(TEST_CASES.REQUIREMENT_REFERENCE, content.requirementReference())
                .set(TEST_CASES.REQUIREMENT_TEXT, content.requirementText())
                .set(TEST_CASES.PRIORITY, content.priority().wireName())
                .set(TEST_CASES.TAGS, content.tags().toArray(String[]::new))
                .set(TEST_CASES.STATUS, CaseStatus.DRAFT.wireName())
                .set(TEST_CASES.CREATED_AT, StoredTimes.utc(at))
                .set(TEST_CASES.UPDATED_AT, StoredTimes.utc(at))
                .onConflictDoNothing()
                .returning(TEST_CASES.ID)
                .fetchOptional(TEST_CASES.ID);
        if (id.isEmpty()) {
            throw new Conflict("duplicate_key", "The suite already has a test case with key " + content.key()
                    + "; choose another key or change that case.");
        }
        return find(new TestCaseId(id.get())).orElseThrow();
    }

    @Override public Optional<TestCase> find(TestCaseId id) {
        return withCurrentRevision(transactions.dsl()).where(TEST_CASES.ID.eq(id.value())).fetchOptional(this::toTestCase);
    }

    @Override public Optional<TestCase> findByKey(SuiteId suite, TestCaseKey key) {
        return withCurrentRevision(transactions.dsl())
                .where(TEST_CASES.SUITE_ID.eq(suite.value()).and(TEST_CASES.KEY.eq(key.value())))
                .fetchOptional(this::toTestCase);
    }

    @Override public Page<TestCase> list(TestCaseQuery query) {
        Condition where = matching(query);
        DSLContext dsl = transactions.dsl();
        // The page and the total in two statements: a count over the window makes the page join and sort every
        // matching case before the limit, so a page of 20 would cost as much as the whole suite.
        var rows = dsl.select(TEST_CASES.fields()).select(PROCEDURE_REVISIONS.fields())
                .from(TEST_CASES)
                .leftJoin(PROCEDURE_REVISIONS).on(currentRevision())
                .where(where)
                .orderBy(order(query.order()))
                .limit(query.page().limit())
                .offset(query.page().offset())
                .fetch();
        boolean wholeListOnThisPage = query.page().offset() == 0 && rows.size() < query.page().limit();
        long total = wholeListOnThisPage ? rows.size() : dsl.fetchCount(TEST_CASES, where);
        return new Page<>(rows.map(this::toTestCase), total);
    }

    @Override public Neighbours neighbours(TestCaseQuery query, TestCaseId id) {
        // One pass over the listing's rows (ids only): lag/lead see the same filters and order as the page did.
        List<SortField<?>> order = order(query.order());
        Field<Long> previous = lag(TEST_CASES.ID).over(orderBy(order)).as("previous");
        Field<Long> next = lead(TEST_CASES.ID).over(orderBy(order)).as("next");
        Field<Integer> position = rowNumber().over(orderBy(order)).as("position");
        var listing = transactions.dsl().select(TEST_CASES.ID, previous, next, position, TOTAL)
                .from(TEST_CASES).where(matching(query)).asTable("listing");
        return transactions.dsl().selectFrom(listing)
                .where(listing.field(TEST_CASES.ID).eq(id.value()))
                .fetchOptional(row -> new Neighbours(
                        Optional.ofNullable(row.get(previous.getName(), Long.class)).map(TestCaseId::new),
                        Optional.ofNullable(row.get(next.getName(), Long.class)).map(TestCaseId::new),
                        row.get(position.getName(), Integer.class), row.get(TOTAL.getName(), Integer.class)))
                .orElse(Neighbours.none());
    }

    @Override public boolean delete(TestCaseId id) {
        // Revisions and jobs go with the case (ON DELETE CASCADE).
        return transactions.dsl().deleteFrom(TEST_CASES).where(TEST_CASES.ID.eq(id.value())).execute() > 0;
    }

    private static Condition matching(TestCaseQuery query) {
        Condition where = TEST_CASES.SUITE_ID.eq(query.suite().value()).and(statusIn(query.statuses()));
        if (!query.priorities().isEmpty()) where = where.and(TEST_CASES.PRIORITY.in(query.priorities().stream().map(Priority::wireName).toList()));
        if (query.search().isPresent()) {
            String words = query.search().get();
            where = where.and(TEST_CASES.KEY.containsIgnoreCase(words)
                    .or(TEST_CASES.TITLE.containsIgnoreCase(words))
                    .or(TEST_CASES.REQUIREMENT_REFERENCE.containsIgnoreCase(words))
                    .or(TEST_CASES.REQUIREMENT_TEXT.containsIgnoreCase(words)));
        }
        return where;
    }

    /** The listing's order; ties go by key and id, so paging and previous/next are stable. */
    private static List<SortField<?>> order(CaseSort.Ordering ordering) {
        Field<?> column = switch (ordering.by()) {
            case KEY -> TEST_CASES.KEY;
            case TITLE -> TEST_CASES.TITLE;
            case PRIORITY -> rank(TEST_CASES.PRIORITY, java.util.Arrays.stream(Priority.values()).map(Priority::wireName).toList());
            case STATUS -> rank(TEST_CASES.STATUS, java.util.Arrays.stream(CaseStatus.values()).map(CaseStatus::wireName).toList());
            case UPDATED -> TEST_CASES.UPDATED_AT;
        };
        List<SortField<?>> fields = new java.util.ArrayList<>();
        fields.add(ordering.descending() ? column.desc() : column.asc());
        if (ordering.by() != CaseSort.KEY) fields.add(TEST_CASES.KEY.asc());
        fields.add(TEST_CASES.ID.asc());
        return fields;
    }

    /** A stored name's place in its enumeration (priority low→critical, status by lifecycle), for ordering. */
    private static Field<Integer> rank(Field<String> column, List<String> names) {
        var cases = choose(column).when(names.getFirst(), inline(0));
        for (int i = 1; i < names.size(); i++) cases = cases.when(names.get(i), inline(i));
        return cases.otherwise(inline(names.size()));
    }

    @Override public List<TestCase> inSuite(SuiteId suite, Set<CaseStatus> statuses) {
        return withCurrentRevision(transactions.dsl())
                .where(TEST_CASES.SUITE_ID.eq(suite.value()).and(statusIn(statuses)))
                .orderBy(TEST_CASES.KEY, TEST_CASES.ID)
                .fetch(this::toTestCase);
    }

    @Override public List<TestCase> inSuiteAfter(SuiteId suite, Optional<TestCaseKey> after, int limit) {
        // Keyset paging over the (suite_id, key) unique index: every page costs the same, however deep.
        return withCurrentRevision(transactions.dsl())
                .where(TEST_CASES.SUITE_ID.eq(suite.value()))
                .and(after.map(key -> TEST_CASES.KEY.gt(key.value())).orElse(noCondition()))
                .orderBy(TEST_CASES.KEY)
                .limit(limit)
                .fetch(this::toTestCase);
    }

    @Override public long countInSuite(SuiteId suite) {
        return transactions.dsl().fetchCount(TEST_CASES, TEST_CASES.SUITE_ID.eq(suite.value()));
    }

    @Override public List<TestCase> findAll(Collection<TestCaseId> ids) {
        if (ids.isEmpty()) return List.of();
        return withCurrentRevision(transactions.dsl())
                .where(TEST_CASES.ID.in(ids.stream().map(TestCaseId::value).toList()))
                .orderBy(TEST_CASES.KEY, TEST_CASES.ID)
                .fetch(this::toTestCase);
    }

    @Override public TestCase save(TestCase changed) {
        return transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            TestCaseContent content = changed.content();
            int updated = dsl.update(TEST_CASES)
                    .set(TEST_CASES.TITLE, content.title())
                    .set(TEST_CASES.PRECONDITIONS, content.preconditions())
                    .set(TEST_CASES.EXPECTED_RESULT, content.expectedResult())
                    .set(TEST_CASES.REQUIREMENT_REFERENCE, content.requirementReference())
                    .set(TEST_CASES.REQUIREMENT_TEXT, content.requirementText())
                    .set(TEST_CASES.PRIORITY, content.priority().wireName())
                    .set(TEST_CASES.TAGS, content.tags().toArray(String[]::new))
                    .set(TEST_CASES.STATUS, changed.status().wireName())
                    .set(TEST_CASES.FAILURE_REASON, changed.failureReason().orElse(null))
                    .set(TEST_CASES.REVIEWER_FEEDBACK, changed.reviewerFeedback().orElse(null))
                    .set(TEST_CASES.CURRENT_REVISION, changed.procedure().map(ProcedureRevision::number).orElse(null))
                    .set(TEST_CASES.VERSION, TEST_CASES.VERSION.plus(1))
                    .set(TEST_CASES.UPDATED_AT, StoredTimes.utc(changed.updatedAt()))
                    .where(TEST_CASES.ID.eq(changed.id().value()).and(TEST_CASES.VERSION.eq(changed.version())))
                    .execute();
            if (updated == 0) {
                throw new Conflict("stale", "Test case " + content.key() + " was changed by someone else since it was read. "
                        + "Reload it and try again.");
            }
            changed.procedure().ifPresent(revision -> dsl.insertInto(PROCEDURE_REVISIONS)
                    .set(PROCEDURE_REVISIONS.CASE_ID, changed.id().value())
                    .set(PROCEDURE_REVISIONS.NUMBER, revision.number())
                    .set(PROCEDURE_REVISIONS.STEPS, ProcedureJson.write(revision.procedure()))
                    .set(PROCEDURE_REVISIONS.KIND, revision.kind().wireName())
                    .set(PROCEDURE_REVISIONS.AUTHOR, revision.author().orElse(null))
                    .set(PROCEDURE_REVISIONS.CREATED_AT, StoredTimes.utc(revision.createdAt()))
                    .set(PROCEDURE_REVISIONS.CHANGE, ProcedureJson.write(revision.change()))
                    .set(PROCEDURE_REVISIONS.PROVIDER, revision.provenance().map(Provenance::provider).orElse(null))
                    .set(PROCEDURE_REVISIONS.MODEL, revision.provenance().map(Provenance::model).orElse(null))
                    .set(PROCEDURE_REVISIONS.PROMPT_TEMPLATE, revision.provenance().map(Provenance::promptTemplate).orElse(null))
                    .set(PROCEDURE_REVISIONS.SCHEMA_VERSION, revision.provenance().map(Provenance::schema).orElse(null))
                    .set(PROCEDURE_REVISIONS.ATTEMPTS, revision.provenance().map(Provenance::attempts).orElse(null))
                    .set(PROCEDURE_REVISIONS.INPUT_TOKENS, revision.provenance().map(Provenance::inputTokens).orElse(null))
                    .set(PROCEDURE_REVISIONS.OUTPUT_TOKENS, revision.provenance().map(Provenance::outputTokens).orElse(null))
                    .set(PROCEDURE_REVISIONS.DURATION_MS, revision.provenance().map(p -> p.duration().toMillis()).orElse(null))
                    .onConflictDoNothing()
                    .execute());
            return new TestCase(changed.id(), changed.suite(), content, changed.status(), changed.procedure(),
                    changed.failureReason(), changed.reviewerFeedback(), changed.version() + 1, changed.updatedAt());
        });
    }

    @Override public List<ProcedureRevision> revisions(TestCaseId id) {
        return transactions.dsl().selectFrom(PROCEDURE_REVISIONS)
                .where(PROCEDURE_REVISIONS.CASE_ID.eq(id.value()))
                .orderBy(PROCEDURE_REVISIONS.NUMBER)
                .fetch(row -> toRevision(row));
    }

    private static SelectJoinStep<Record> withCurrentRevision(DSLContext dsl) {
        return dsl.select(TEST_CASES.fields()).select(PROCEDURE_REVISIONS.fields())
                .from(TEST_CASES)
                .leftJoin(PROCEDURE_REVISIONS).on(currentRevision());
    }

    private static Condition currentRevision() {
        return PROCEDURE_REVISIONS.CASE_ID.eq(TEST_CASES.ID).and(PROCEDURE_REVISIONS.NUMBER.eq(TEST_CASES.CURRENT_REVISION));
    }

    private static Condition statusIn(Set<CaseStatus> statuses) {
        return statuses.isEmpty() ? noCondition() : TEST_CASES.STATUS.in(statuses.stream().map(CaseStatus::wireName).toList());
    }

    private TestCase toTestCase(Record row) {
        TestCaseContent content = new TestCaseContent(new TestCaseKey(row.get(TEST_CASES.KEY)), row.get(TEST_CASES.TITLE),
                row.get(TEST_CASES.PRECONDITIONS), row.get(TEST_CASES.EXPECTED_RESULT), row.get(TEST_CASES.REQUIREMENT_REFERENCE),
                row.get(TEST_CASES.REQUIREMENT_TEXT), Priority.parse(row.get(TEST_CASES.PRIORITY)), List.of(row.get(TEST_CASES.TAGS)));
        Optional<ProcedureRevision> revision = row.get(PROCEDURE_REVISIONS.NUMBER) == null
                ? Optional.empty()
                : Optional.of(toRevision(row.into(PROCEDURE_REVISIONS)));
        return new TestCase(new TestCaseId(row.get(TEST_CASES.ID)), new SuiteId(row.get(TEST_CASES.SUITE_ID)), content,
                CaseStatus.parse(row.get(TEST_CASES.STATUS)), revision, Optional.ofNullable(row.get(TEST_CASES.FAILURE_REASON)),
                Optional.ofNullable(row.get(TEST_CASES.REVIEWER_FEEDBACK)), row.get(TEST_CASES.VERSION),
                row.get(TEST_CASES.UPDATED_AT).toInstant());
    }

    private static ProcedureRevision toRevision(dev.concierge.adapter.persistence.jooq.test_case_generation.tables.records.ProcedureRevisionsRecord row) {
        Procedure procedure = ProcedureJson.read(row.getSteps());
        // Revisions stored before V4 have their change as an English line only.
        RevisionChange change = row.getChange() != null ? ProcedureJson.readChange(row.getChange())
                : LegacyRevisionSummary.parse(row.getSummary(), procedure.steps().size());
        return new ProcedureRevision(row.getNumber(), procedure, RevisionKind.valueOf(row.getKind().toUpperCase(Locale.ROOT)),
                Optional.ofNullable(row.getAuthor()), row.getCreatedAt().toInstant(), change, provenance(row));
    }

    private static Optional<Provenance> provenance(dev.concierge.adapter.persistence.jooq.test_case_generation.tables.records.ProcedureRevisionsRecord row) {
        if (row.getModel() == null || row.getAttempts() == null) return Optional.empty();
        return Optional.of(new Provenance(row.getProvider(), row.getModel(), row.getPromptTemplate(), row.getSchemaVersion(),
                row.getAttempts(), java.util.Objects.requireNonNullElse(row.getInputTokens(), 0L),
                java.util.Objects.requireNonNullElse(row.getOutputTokens(), 0L),
                java.time.Duration.ofMillis(java.util.Objects.requireNonNullElse(row.getDurationMs(), 0L))));
    }

}
