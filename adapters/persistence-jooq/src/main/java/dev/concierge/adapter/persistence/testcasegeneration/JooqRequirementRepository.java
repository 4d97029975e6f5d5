package dev.concierge.adapter.persistence.testcasegeneration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.test_case_generation.tables.records.CaseTracesRecord;
import dev.concierge.adapter.persistence.jooq.test_case_generation.tables.records.RequirementsRecord;
import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.CaseKind;
import dev.concierge.domain.testcasegeneration.model.CaseRef;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.CaseTrace;
import dev.concierge.domain.testcasegeneration.model.NewRequirement;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.RequirementId;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.out.RequirementRepository;
import org.jooq.Condition;
import org.jooq.JSONB;
import org.jooq.Record4;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.ACCEPTANCE_CRITERIA;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.CASE_TRACES;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.REQUIREMENTS;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.TEST_CASES;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

/** Requirements with their criteria (replaced as a whole on re-import) and the traces of generated cases. */
final class JooqRequirementRepository implements RequirementRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JooqTransactions transactions;

    JooqRequirementRepository(JooqTransactions transactions) { this.transactions = transactions; }

    @Override public Requirement save(SuiteId suite, NewRequirement requirement, Instant at) {
        return transactions.inTransaction(() -> {
            var dsl = transactions.dsl();
            // ON CONFLICT: two imports of the same reference at once leave one requirement, the later wording winning.
            long id = dsl.insertInto(REQUIREMENTS)
                    .set(REQUIREMENTS.SUITE_ID, suite.value())
                    .set(REQUIREMENTS.REFERENCE, requirement.reference())
                    .set(REQUIREMENTS.TITLE, requirement.title())
                    .set(REQUIREMENTS.DESCRIPTION, requirement.description())
                    .set(REQUIREMENTS.CREATED_AT, StoredTimes.utc(at))
                    .set(REQUIREMENTS.UPDATED_AT, StoredTimes.utc(at))
                    .onConflict(REQUIREMENTS.SUITE_ID, REQUIREMENTS.REFERENCE).doUpdate()
                    .set(REQUIREMENTS.TITLE, requirement.title())
                    .set(REQUIREMENTS.DESCRIPTION, requirement.description())
                    .set(REQUIREMENTS.UPDATED_AT, StoredTimes.utc(at))
                    .returning(REQUIREMENTS.ID)
                    .fetchSingle(REQUIREMENTS.ID);
            dsl.deleteFrom(ACCEPTANCE_CRITERIA).where(ACCEPTANCE_CRITERIA.REQUIREMENT_ID.eq(id)).execute();
            var insert = dsl.insertInto(ACCEPTANCE_CRITERIA, ACCEPTANCE_CRITERIA.REQUIREMENT_ID, ACCEPTANCE_CRITERIA.CODE,
                    ACCEPTANCE_CRITERIA.POSITION, ACCEPTANCE_CRITERIA.TEXT, ACCEPTANCE_CRITERIA.HASH);
            for (int i = 0; i < requirement.criteria().size(); i++) {
                AcceptanceCriterion c = requirement.criteria().get(i);
                insert = insert.values(id, c.code(), i, c.text(), c.hash());
            }
            insert.execute();
            return find(new RequirementId(id)).orElseThrow();
        });
    }

    /** Its criteria and the traces to it go with it (ON DELETE CASCADE); the cases stay. */
    @Override public boolean delete(RequirementId id) {
        return transactions.dsl().deleteFrom(REQUIREMENTS).where(REQUIREMENTS.ID.eq(id.value())).execute() > 0;
    }

    @Override public Optional<Requirement> find(RequirementId id) {
        return load(REQUIREMENTS.ID.eq(id.value())).stream().findFirst();
    }

    @Override public Optional<Requirement> findByReference(SuiteId suite, String reference) {
        return load(REQUIREMENTS.SUITE_ID.eq(suite.value()).and(REQUIREMENTS.REFERENCE.eq(reference))).stream().findFirst();
    }

    @Override public List<Requirement> inSuite(SuiteId suite) { return load(REQUIREMENTS.SUITE_ID.eq(suite.value())); }

    /** The requirements matching, ordered by reference, each with its criteria in their order (two queries in all). */
    private List<Requirement> load(Condition which) {
        var dsl = transactions.dsl();
        List<RequirementsRecord> rows = dsl.selectFrom(REQUIREMENTS).where(which).orderBy(REQUIREMENTS.REFERENCE).fetch();
        if (rows.isEmpty()) return List.of();
        Map<Long, List<AcceptanceCriterion>> criteria = new LinkedHashMap<>();
        dsl.selectFrom(ACCEPTANCE_CRITERIA)
                .where(ACCEPTANCE_CRITERIA.REQUIREMENT_ID.in(rows.stream().map(RequirementsRecord::getId).toList()))
                .orderBy(ACCEPTANCE_CRITERIA.REQUIREMENT_ID, ACCEPTANCE_CRITERIA.POSITION)
                .forEach(c -> criteria.computeIfAbsent(c.getRequirementId(), k -> new ArrayList<>())
                        .add(new AcceptanceCriterion(c.getCode(), c.getText(), c.getHash())));
        return rows.stream().map(r -> new Requirement(new RequirementId(r.getId()), new SuiteId(r.getSuiteId()),
                new NewRequirement(r.getReference(), r.getTitle(), r.getDescription(), criteria.getOrDefault(r.getId(), List.of())),
                r.getUpdatedAt().toInstant())).toList();
    }

    @Override public void trace(CaseTrace trace) {
        JSONB verified = json(trace.verified());
        JSONB steps = json(trace.steps());
        transactions.dsl().insertInto(CASE_TRACES)
                .set(CASE_TRACES.CASE_ID, trace.testCase().value())
                .set(CASE_TRACES.REQUIREMENT_ID, trace.requirement().value())
                .set(CASE_TRACES.KIND, trace.kind().wireName())
                .set(CASE_TRACES.VERIFIED, verified)
                .set(CASE_TRACES.REVISION, trace.revision())
                .set(CASE_TRACES.STEPS, steps)
                .onConflict(CASE_TRACES.CASE_ID).doUpdate()
                .set(CASE_TRACES.REQUIREMENT_ID, trace.requirement().value())
                .set(CASE_TRACES.KIND, trace.kind().wireName())
                .set(CASE_TRACES.VERIFIED, verified)
                .set(CASE_TRACES.REVISION, trace.revision())
                .set(CASE_TRACES.STEPS, steps)
                .execute();
    }

    @Override public Optional<CaseTrace> traceOf(TestCaseId testCase) {
        return transactions.dsl().selectFrom(CASE_TRACES).where(CASE_TRACES.CASE_ID.eq(testCase.value()))
                .fetchOptional(JooqRequirementRepository::toTrace);
    }

    @Override public List<CaseTrace> tracesOf(RequirementId requirement) {
        return transactions.dsl().selectFrom(CASE_TRACES).where(CASE_TRACES.REQUIREMENT_ID.eq(requirement.value()))
                .orderBy(CASE_TRACES.CASE_ID).fetch(JooqRequirementRepository::toTrace);
    }

    @Override public List<CaseTrace> tracesInSuite(SuiteId suite) {
        return transactions.dsl().select(CASE_TRACES.fields()).from(CASE_TRACES)
                .join(REQUIREMENTS).on(REQUIREMENTS.ID.eq(CASE_TRACES.REQUIREMENT_ID))
                .where(REQUIREMENTS.SUITE_ID.eq(suite.value()))
                .orderBy(CASE_TRACES.CASE_ID)
                .fetch(r -> toTrace(r.into(CASE_TRACES)));
    }

    @Override public List<CaseRef> tracedCases(SuiteId suite) {
        return transactions.dsl().select(TEST_CASES.ID, TEST_CASES.KEY, TEST_CASES.TITLE, TEST_CASES.STATUS)
                .from(TEST_CASES).join(CASE_TRACES).on(CASE_TRACES.CASE_ID.eq(TEST_CASES.ID))
                .where(TEST_CASES.SUITE_ID.eq(suite.value()))
                .orderBy(TEST_CASES.KEY)
                .fetch(JooqRequirementRepository::toRef);
    }

    @Override public List<CaseRef> untracedCases(SuiteId suite, int limit) {
        return transactions.dsl().select(TEST_CASES.ID, TEST_CASES.KEY, TEST_CASES.TITLE, TEST_CASES.STATUS)
                .from(TEST_CASES).where(untraced(suite))
                .orderBy(TEST_CASES.KEY).limit(limit)
                .fetch(JooqRequirementRepository::toRef);
    }

    @Override public long countUntraced(SuiteId suite) { return transactions.dsl().fetchCount(TEST_CASES, untraced(suite)); }

    /** No trace, and no requirement reference naming one of the suite's requirements (an imported case citing REQ-1 has one). */
    private static Condition untraced(SuiteId suite) {
        return TEST_CASES.SUITE_ID.eq(suite.value())
                .and(notExists(selectOne().from(CASE_TRACES).where(CASE_TRACES.CASE_ID.eq(TEST_CASES.ID))))
                .and(notExists(selectOne().from(REQUIREMENTS).where(REQUIREMENTS.SUITE_ID.eq(TEST_CASES.SUITE_ID)
                        .and(REQUIREMENTS.REFERENCE.eq(TEST_CASES.REQUIREMENT_REFERENCE)))));
    }

    private static CaseRef toRef(Record4<Long, String, String, String> row) {
        return new CaseRef(new TestCaseId(row.value1()), new TestCaseKey(row.value2()), row.value3(), CaseStatus.parse(row.value4()));
    }

    private static CaseTrace toTrace(CaseTracesRecord row) {
        try {
            Map<String, String> verified = JSON.readValue(row.getVerified().data(), new TypeReference<LinkedHashMap<String, String>>() {});
            List<List<String>> steps = JSON.readValue(row.getSteps().data(), new TypeReference<List<List<String>>>() {});
            return new CaseTrace(new TestCaseId(row.getCaseId()), new RequirementId(row.getRequirementId()),
                    CaseKind.parse(row.getKind()).orElseThrow(), verified, row.getRevision(), steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored case trace is not valid JSON", e);
        }
    }

    private static JSONB json(Object value) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
