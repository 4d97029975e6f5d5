package dev.concierge.adapter.persistence.testcasegeneration;

import org.jooq.DSLContext;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.BATCHES;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.EXPORTS;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.GENERATION_JOBS;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.PROCEDURE_REVISIONS;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.SUITES;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.TEST_CASES;

/** Empties the context's tables between tests: cheaper than a database per test, and the queue sees no leftovers. */
final class TestCaseGenerationTables {
    private TestCaseGenerationTables() {}

    static void empty(DSLContext sql) {
        sql.truncate(EXPORTS, GENERATION_JOBS, BATCHES, PROCEDURE_REVISIONS, TEST_CASES, SUITES).restartIdentity().cascade().execute();
    }
}
