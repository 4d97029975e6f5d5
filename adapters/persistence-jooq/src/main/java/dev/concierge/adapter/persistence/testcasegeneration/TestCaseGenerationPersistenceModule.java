package dev.concierge.adapter.persistence.testcasegeneration;

import com.google.inject.AbstractModule;
import dev.concierge.adapter.persistence.PersistenceContext;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.domain.testcasegeneration.port.out.CaseEmbeddingRepository;
import dev.concierge.domain.testcasegeneration.port.out.ExportRepository;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue;
import dev.concierge.domain.testcasegeneration.port.out.RequirementRepository;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureQualityRepository;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.SuiteSettingsRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;
import dev.concierge.domain.testcasegeneration.port.out.Transactions;
import org.jooq.DSLContext;

/** Test-case generation's driven ports, backed by the {@code test_case_generation} schema; needs the shared DSLContext. */
public final class TestCaseGenerationPersistenceModule extends AbstractModule implements PersistenceContext {
    @Override public String schema() { return "test_case_generation"; }

    @Override protected void configure() {
        bind(Transactions.class).to(JooqTransactions.class);
    }

    @Provides @Singleton JooqTransactions transactions(DSLContext dsl) { return new JooqTransactions(dsl); }

    @Provides @Singleton SuiteRepository suiteRepository(JooqTransactions transactions) { return new JooqSuiteRepository(transactions); }

    @Provides @Singleton TestCaseRepository testCaseRepository(JooqTransactions transactions) { return new JooqTestCaseRepository(transactions); }

    @Provides @Singleton ExportRepository exportRepository(JooqTransactions transactions) { return new JooqExportRepository(transactions); }

    @Provides @Singleton RequirementRepository requirementRepository(JooqTransactions transactions) {
        return new JooqRequirementRepository(transactions);
    }

    @Provides @Singleton SuiteSettingsRepository suiteSettingsRepository(JooqTransactions transactions) {
        return new JooqSuiteSettingsRepository(transactions);
    }

    @Provides @Singleton ProcedureQualityRepository procedureQualities(JooqTransactions transactions) {
        return new JooqProcedureQualityRepository(transactions);
    }

    @Provides @Singleton CaseEmbeddingRepository caseEmbeddings(JooqTransactions transactions) {
        return new JooqCaseEmbeddingRepository(transactions);
    }

    @Provides @Singleton GenerationQueue generationQueue(JooqTransactions transactions) { return new JooqGenerationQueue(transactions); }
}
