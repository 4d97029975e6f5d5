package dev.concierge.bootstrap.testcasegeneration;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.bootstrap.Settings;
import dev.concierge.adapter.llm.testcasegeneration.TestCaseGenerationLlmModule;
import dev.concierge.domain.kernel.StoredFiles;
import dev.concierge.domain.testcasegeneration.application.CaseEmbeddings;
import dev.concierge.domain.testcasegeneration.application.DuplicatesService;
import dev.concierge.domain.testcasegeneration.application.ExportService;
import dev.concierge.domain.testcasegeneration.model.Similarity;
import dev.concierge.domain.testcasegeneration.port.in.FindDuplicatesUseCase;
import dev.concierge.domain.testcasegeneration.port.out.CaseEmbeddingRepository;
import dev.concierge.domain.testcasegeneration.port.out.TextEmbedder;
import dev.concierge.domain.testcasegeneration.application.GenerationService;
import dev.concierge.domain.testcasegeneration.application.RequirementsService;
import dev.concierge.domain.testcasegeneration.application.SuiteSettingsService;
import dev.concierge.domain.testcasegeneration.application.RevisionChecks;
import dev.concierge.domain.testcasegeneration.application.StepReviewService;
import dev.concierge.domain.testcasegeneration.port.in.ReviewStepsUseCase;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureQualityRepository;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureReviewer;
import dev.concierge.domain.testcasegeneration.port.out.StepRewriter;
import dev.concierge.domain.testcasegeneration.application.SuitesService;
import dev.concierge.domain.testcasegeneration.application.TestCasesService;
import dev.concierge.domain.testcasegeneration.model.RetryPolicy;
import dev.concierge.domain.testcasegeneration.port.in.ExportProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ImportTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageRequirementsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuiteSettingsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ProcessGenerationJobsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ReviewProcedureUseCase;
import dev.concierge.domain.testcasegeneration.port.in.RunExportsUseCase;
import dev.concierge.domain.testcasegeneration.port.out.CaseGenerator;
import dev.concierge.domain.testcasegeneration.port.out.ExportRepository;
import dev.concierge.domain.testcasegeneration.port.out.RequirementRepository;
import dev.concierge.domain.testcasegeneration.port.out.SuiteSettingsRepository;
import dev.concierge.domain.testcasegeneration.port.out.SuiteDocuments;
import dev.concierge.domain.testcasegeneration.port.out.GenerationModelStatus;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;
import dev.concierge.domain.testcasegeneration.port.out.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Test-case generation: its use cases built from its driven ports (PostgreSQL, the model), and the background
 * workers that run queued generation jobs. Needs the shared DSLContext and this context's repositories (PersistenceModule) and LlmModule.
 */
final class TestCaseGenerationModule extends AbstractModule {
    /** Backoff never waits longer than this between two attempts, however many failed before. */
    static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);

    private final Settings.GenerationSettings settings;

    TestCaseGenerationModule(Settings.GenerationSettings settings) { this.settings = settings; }

    @Override protected void configure() {
        install(new TestCaseGenerationLlmModule(settings.embeddingModel()));

        bind(ManageSuitesUseCase.class).to(SuitesService.class);
        bind(ManageTestCasesUseCase.class).to(TestCasesService.class);
        bind(ImportTestCasesUseCase.class).to(TestCasesService.class);
        bind(ReviewProcedureUseCase.class).to(TestCasesService.class);
        bind(GenerateProceduresUseCase.class).to(GenerationService.class);
        bind(ProcessGenerationJobsUseCase.class).to(GenerationService.class);
        bind(ExportProceduresUseCase.class).to(ExportService.class);
        bind(RunExportsUseCase.class).to(ExportService.class);
        bind(ManageRequirementsUseCase.class).to(RequirementsService.class);
        bind(ManageSuiteSettingsUseCase.class).to(SuiteSettingsService.class);
        bind(ReviewStepsUseCase.class).to(StepReviewService.class);
        bind(FindDuplicatesUseCase.class).to(DuplicatesService.class);
    }

    @Provides @Singleton CaseEmbeddings caseEmbeddings(TextEmbedder embedder, CaseEmbeddingRepository vectors, Clock clock) {
        return new CaseEmbeddings(embedder, vectors, new Similarity(settings.duplicateThreshold()), clock);
    }

    @Provides @Singleton DuplicatesService duplicates(SuiteRepository suites, TestCaseRepository cases, CaseEmbeddings embeddings, Clock clock) {
        return new DuplicatesService(suites, cases, embeddings, clock);
    }

    @Provides @Singleton RevisionChecks revisionChecks(ProcedureQualityRepository qualities, ProcedureReviewer reviewer,
                                                       CaseEmbeddings embeddings, Clock clock) {
        return new RevisionChecks(qualities, settings.modelReview() ? Optional.of(reviewer) : Optional.empty(), Optional.of(embeddings), clock);
    }

    @Provides @Singleton StepReviewService stepReview(SuiteRepository suites, TestCaseRepository cases, ProcedureQualityRepository qualities,
                                                      StepRewriter rewriter, RevisionChecks checks, Transactions transactions, Clock clock) {
        return new StepReviewService(suites, cases, qualities, rewriter, checks, transactions, clock);
    }

    @Provides @Singleton SuitesService suites(SuiteRepository suites, TestCaseRepository cases, Clock clock) {
        return new SuitesService(suites, cases, clock);
    }

    @Provides @Singleton TestCasesService testCases(SuiteRepository suites, TestCaseRepository cases, Transactions transactions,
                                                    StoredFiles files, RevisionChecks checks, CaseEmbeddings embeddings, Clock clock) {
        return new TestCasesService(suites, cases, transactions, files, checks, Optional.of(embeddings), clock);
    }

    @Provides @Singleton ExportService export(SuiteRepository suites, TestCaseRepository cases, ExportRepository exports,
                                              SuiteDocuments documents, StoredFiles files, ExportWorker worker, Clock clock) {
        ExportService service = new ExportService(suites, cases, exports, documents, files, worker, clock);
        worker.runs(service);
        return service;
    }

    @Provides @Singleton RequirementsService requirements(SuiteRepository suites, TestCaseRepository cases, RequirementRepository requirements,
                                                          CaseGenerator generator, GenerationModelStatus modelStatus,
                                                          SuiteSettingsRepository settings, Transactions transactions,
                                                          CaseEmbeddings embeddings, Clock clock) {
        return new RequirementsService(suites, cases, requirements, generator, modelStatus, settings, transactions, Optional.of(embeddings), clock);
    }

    @Provides @Singleton SuiteSettingsService suiteSettings(SuiteRepository suites, TestCaseRepository cases,
                                                            SuiteSettingsRepository settings, Clock clock) {
        return new SuiteSettingsService(suites, cases, settings, clock);
    }

    @Provides @Singleton ExportWorker exportWorker() { return new ExportWorker(); }

    @Provides @Singleton GenerationService generation(SuiteRepository suites, TestCaseRepository cases, GenerationQueue queue,
                                                      ProcedureGenerator generator, GenerationModelStatus modelStatus,
                                                      Transactions transactions, WorkerWakeUp wakeUp, SuiteSettingsRepository suiteSettings,
                                                      RevisionChecks checks, Clock clock) {
        Duration firstDelay = settings.firstRetryDelay();
        RetryPolicy retries = new RetryPolicy(firstDelay, firstDelay.compareTo(MAX_RETRY_DELAY) > 0 ? firstDelay : MAX_RETRY_DELAY,
                settings.maxAttempts());
        return new GenerationService(suites, cases, queue, generator, jobsRunHere() ? modelStatus : WORKERS_ELSEWHERE, transactions,
                retries, settings.lease(), wakeUp, suiteSettings, checks, clock);
    }

    /**
     * Without workers here, whether this instance reaches a model says nothing about the instances that run the jobs:
     * generation workers scaled to zero (and the model server beside them) come back because jobs are queued, so the
     * queue must accept them. Jobs still wait and retry while their workers find no model.
     */
    private static final GenerationModelStatus WORKERS_ELSEWHERE = java.util.Optional::empty;

    private boolean jobsRunHere() { return settings.concurrency() > 0; }

    /** Shared by the service, which says when it queued jobs, and the workers, who wait on it when idle. */
    @Provides @Singleton WorkerWakeUp wakeUp() { return new WorkerWakeUp(); }

    @Provides @Singleton GenerationWorkers workers(ProcessGenerationJobsUseCase jobs, WorkerWakeUp wakeUp) {
        return new GenerationWorkers(jobs, new GenerationWorkers.Config(GenerationWorkers.newWorkerId(), settings.concurrency(),
                settings.pollInterval(), settings.lease().dividedBy(3)), wakeUp);
    }
}
