package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchId;
import dev.concierge.domain.testcasegeneration.model.BatchNotFound;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ClaimedJob;
import dev.concierge.domain.testcasegeneration.model.GenerationFailure;
import dev.concierge.domain.testcasegeneration.model.GenerationStarted;
import dev.concierge.domain.testcasegeneration.model.SkippedCase;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.RetryPolicy;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseNotFound;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ProcessGenerationJobsUseCase;
import dev.concierge.domain.testcasegeneration.port.out.GenerationModelStatus;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue;
import dev.concierge.domain.testcasegeneration.port.out.JobsQueued;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.SuiteSettingsRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;
import dev.concierge.domain.testcasegeneration.port.out.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Batches of generation jobs: queueing them (all or nothing), reporting progress, cancelling, and what a worker
 * does with one job. Applying a result and completing its job happen in one transaction guarded by the job's
 * lease, so a job that ran twice (a worker died, its lease expired, another took over) is applied once.
 */
public final class GenerationService implements GenerateProceduresUseCase, ProcessGenerationJobsUseCase {
    /** (): an approved case is not generated again until it is reopened. */
    static final String APPROVED_REOPEN_FIRST = "approved_reopen_first";
    /** (): the case waits in the queue already. */
    static final String ALREADY_QUEUED = "already_queued";
    /** (): the model is working on the case now. */
    static final String BEING_GENERATED = "being_generated";

    private static final Logger LOG = LoggerFactory.getLogger(GenerationService.class);

    private final TestCaseRepository cases;
    private final GenerationQueue queue;
    private final ProcedureGenerator generator;
    private final GenerationModelStatus modelStatus;
    private final Transactions transactions;
    private final SuiteAccess access;
    private final RetryPolicy retryPolicy;
    private final Duration lease;
    private final JobsQueued jobsQueued;
    private final SuiteSettingsRepository settings;
    private final RevisionChecks checks;
    private final Clock clock;

    public GenerationService(SuiteRepository suites, TestCaseRepository cases, GenerationQueue queue, ProcedureGenerator generator,
                             GenerationModelStatus modelStatus, Transactions transactions, RetryPolicy retryPolicy, Clock clock) {
        this(suites, cases, queue, generator, modelStatus, transactions, retryPolicy, LEASE, JobsQueued.nobody(), clock);
    }

    /**
     * {@code lease}: how long a claim holds without a heartbeat; a dead worker's jobs wait that long before another takes
     * them. {@code jobsQueued} is told after a batch is committed.
     */
    public GenerationService(SuiteRepository suites, TestCaseRepository cases, GenerationQueue queue, ProcedureGenerator generator,
                             GenerationModelStatus modelStatus, Transactions transactions, RetryPolicy retryPolicy, Duration lease,
                             JobsQueued jobsQueued, Clock clock) {
        this(suites, cases, queue, generator, modelStatus, transactions, retryPolicy, lease, jobsQueued, SuiteSettingsRepository.none(),
                RevisionChecks.none(clock), clock);
    }

    /**
     * {@code settings}: each suite's glossary, examples and instructions, given to the model with every case;
     * {@code checks} scores each generated revision and runs the optional second model pass over it.
     */
    public GenerationService(SuiteRepository suites, TestCaseRepository cases, GenerationQueue queue, ProcedureGenerator generator,
                             GenerationModelStatus modelStatus, Transactions transactions, RetryPolicy retryPolicy, Duration lease,
                             JobsQueued jobsQueued, SuiteSettingsRepository settings, RevisionChecks checks, Clock clock) {
        this.checks = checks;
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive");
        this.lease = lease;
        this.cases = cases;
        this.queue = queue;
        this.generator = generator;
        this.modelStatus = modelStatus;
        this.transactions = transactions;
        this.access = new SuiteAccess(suites, cases);
        this.retryPolicy = retryPolicy;
        this.jobsQueued = jobsQueued;
        this.settings = settings;
        this.clock = clock;
    }

    @Override public Batch generate(GenerateProceduresCommand command) {
        access.suite(command.actor(), command.suite());
        Optional<String> unavailable = modelStatus.unavailableReason();
        if (unavailable.isPresent()) throw new Unavailable("llm_unavailable", unavailable.get());
        List<TestCase> selected = command.allDrafts()
                ? cases.inSuite(command.suite(), Set.of(CaseStatus.DRAFT))
                : selection(command);
        return enqueue(command, selected);
    }

    @Override public GenerationStarted start(GenerateProceduresCommand command) {
        if (command.allDrafts()) return new GenerationStarted(generate(command), List.of());
        access.suite(command.actor(), command.suite());
        Optional<String> unavailable = modelStatus.unavailableReason();
        if (unavailable.isPresent()) throw new Unavailable("llm_unavailable", unavailable.get());
        List<TestCase> found = found(command);
        List<TestCase> queueable = found.stream().filter(TestCase::queueable).toList();
        if (queueable.isEmpty()) selection(command); // refuses, naming every case and why
        List<SkippedCase> skipped = found.stream().filter(c -> !c.queueable()).map(SkippedCase::of).toList();
        return new GenerationStarted(enqueue(command, queueable), skipped);
    }

    private Batch enqueue(GenerateProceduresCommand command, List<TestCase> selected) {
        if (selected.isEmpty()) {
            throw new RuleViolated("nothing_to_generate", "There is nothing to generate: the suite has no draft test cases.");
        }
        Batch batch = new Batch(BatchId.random(), command.suite(), command.actor().user(), clock.instant(), selected.size(), false);
        transactions.inTransaction(() -> {
            for (TestCase testCase : selected) cases.save(testCase.queue(clock.instant()));
            queue.enqueue(batch, selected.stream().map(TestCase::id).toList());
            return batch;
        });
        jobsQueued.jobsQueued(); // after the commit: a worker woken earlier would find nothing to claim
        return batch;
    }

    /** The selected cases in the order given; an id outside the suite is not found. */
    private List<TestCase> found(GenerateProceduresCommand command) {
        Map<TestCaseId, TestCase> found = cases.findAll(command.cases()).stream()
                .filter(c -> c.suite().equals(command.suite()))
                .collect(Collectors.toMap(TestCase::id, Function.identity()));
        for (TestCaseId id : command.cases()) if (!found.containsKey(id)) throw new TestCaseNotFound(id);
        return command.cases().stream().map(found::get).toList();
    }

    private List<TestCase> selection(GenerateProceduresCommand command) {
        List<TestCase> selected = found(command);
        List<FieldError> refused = selected.stream().filter(c -> !c.queueable())
                .map(c -> c.status() == CaseStatus.APPROVED
                        ? FieldError.of(c.content().key().value(), APPROVED_REOPEN_FIRST)
                        : FieldError.of(c.content().key().value(), c.status() == CaseStatus.GENERATING ? BEING_GENERATED : ALREADY_QUEUED))
                .toList();
        if (!refused.isEmpty()) {
            throw new RuleViolated("not_generatable", refused.size() + " of the selected test cases cannot be generated now; "
                    + "nothing was queued.", refused);
        }
        return selected;
    }

    @Override public BatchProgress progress(Actor actor, BatchId id) {
        Batch batch = batchOf(actor, id);
        return queue.progress(batch, clock.instant());
    }

    @Override public BatchProgress cancel(Actor actor, BatchId id) {
        Batch batch = batchOf(actor, id);
        transactions.inTransaction(() -> {
            for (TestCaseId caseId : queue.cancel(batch.id())) {
                cases.find(caseId).filter(c -> c.status() == CaseStatus.QUEUED)
                        .ifPresent(c -> cases.save(c.dequeued(clock.instant())));
            }
            return null;
        });
        return queue.progress(queue.batch(id).orElse(batch), clock.instant());
    }

    @Override public Page<Batch> batches(Actor actor, SuiteId suite, PageRequest page) {
        access.suite(actor, suite);
        return queue.batches(suite, page);
    }

    private Batch batchOf(Actor actor, BatchId id) {
        Batch batch = queue.batch(id).orElseThrow(() -> new BatchNotFound(id));
        try {
            access.suite(actor, batch.suite());
        } catch (dev.concierge.domain.kernel.NotFound notMember) {
            throw new BatchNotFound(id);
        }
        return batch;
    }

    @Override public List<ClaimedJob> claim(String worker, int max) { return queue.claim(worker, max, lease); }

    @Override public void heartbeat(String worker, Collection<Long> jobIds) {
        if (!jobIds.isEmpty()) queue.heartbeat(worker, jobIds, lease);
    }

    @Override public int handBack(String worker) {
        int released = transactions.inTransaction(() -> queue.releaseAll(worker));
        if (released > 0) LOG.info("handed back {} generation job(s) held by {}", released, worker);
        return released;
    }

    @Override public boolean handBack(ClaimedJob job) {
        return transactions.inTransaction(() -> queue.retryLater(job, clock.instant(), "handed back after its processing broke off"));
    }

    @Override public void process(ClaimedJob job) {
        Optional<TestCase> started = transactions.inTransaction(() -> start(job));
        if (started.isEmpty()) return;
        TestCase testCase = started.get();
        try {
            ProcedureGenerator.Generated generated = generator.generateWithProvenance(new ProcedureGenerator.Request(
                    testCase.content().key().value(), testCase.content().title(), testCase.content().preconditions(),
                    testCase.content().expectedResult(), testCase.content().requirementReference(),
                    testCase.content().requirementText(), testCase.content().language(), testCase.reviewerFeedback(),
                    settings.current(testCase.suite()).guidance()));
            var saved = new java.util.concurrent.atomic.AtomicReference<TestCase>();
            boolean recorded = transactions.inTransaction(() -> {
                if (!queue.succeeded(job)) return false;
                current(job).filter(c -> c.status() == CaseStatus.GENERATING)
                        .ifPresent(c -> {
                            saved.set(cases.save(c.generated(generated.procedure(), generated.provenance(), clock.instant())));
                            checks.scoreCurrent(saved.get());
                        });
                return true;
            });
            if (recorded && saved.get() != null) {
                checks.reviewGenerated(saved.get());
                checks.embedGenerated(saved.get());
            }
            // This worker stalled past its lease (a long pause, a frozen process) and another claim took the job over:
            // that claim's result stands, this one is dropped.
            if (!recorded) LOG.info("job {} ({}) attempt {}: result dropped, the lease was taken over", job.id(),
                    testCase.content().key(), job.attempt());
        } catch (ProcedureGenerator.GenerationUnavailable e) {
            Optional<Duration> delay = retryPolicy.delayAfter(job.attempt(), () -> ThreadLocalRandom.current().nextDouble());
            if (queue.batch(job.batch()).map(Batch::cancelled).orElse(false)) {
                // Retrying would bring a cancelled batch back to life; the person decides whether to generate again.
                fail(job, GenerationFailure.CANCELLED_WHILE_UNAVAILABLE, "The model was unavailable and the batch was cancelled meanwhile: "
                        + e.getMessage() + " Generate the case again when the model is back.");
            } else if (delay.isPresent()) {
                LOG.info("job {} ({}): model unavailable, retrying in {} s: {}", job.id(), testCase.content().key(), delay.get().toSeconds(), e.getMessage());
                transactions.inTransaction(() -> {
                    if (queue.retryLater(job, clock.instant().plus(delay.get()), e.getMessage())) {
                        current(job).filter(c -> c.status() == CaseStatus.GENERATING).ifPresent(c -> cases.save(c.requeued(clock.instant())));
                    }
                    return null;
                });
            } else {
                fail(job, GenerationFailure.MODEL_UNAVAILABLE, "The model stayed unavailable after " + job.attempt() + " attempts: "
                        + e.getMessage() + " Retry the case when the model is back.");
            }
        } catch (ProcedureGenerator.GenerationFailed e) {
            fail(job, GenerationFailure.INVALID_OUTPUT, e.getMessage());
        } catch (Unavailable e) {
            // The database went away while recording the result (a restart, a killed connection): the job is not at
            // fault. The worker hands it back once the database answers; recording a failure now would make it final.
            throw e;
        } catch (RuntimeException e) {
            LOG.error("job {} ({}) failed unexpectedly", job.id(), testCase.content().key(), e);
            fail(job, GenerationFailure.UNEXPECTED, "Generation failed unexpectedly (" + e.getClass().getSimpleName() + ").");
        }
    }

    /** Marks the case as generating; empty when there is nothing to do (the job was already applied or its case is gone). */
    private Optional<TestCase> start(ClaimedJob job) {
        Optional<TestCase> found = current(job);
        if (found.isEmpty()) {
            queue.failed(job, "The test case was deleted.");
            return Optional.empty();
        }
        TestCase testCase = found.get();
        return switch (testCase.status()) {
            case QUEUED -> Optional.of(cases.save(testCase.startGenerating(clock.instant())));
            // A previous holder of this job died mid-generation: its lease expired and this claim takes over.
            case GENERATING -> Optional.of(testCase);
            default -> {
                queue.succeeded(job); // already applied by an earlier run: finishing the job is all that is left
                yield Optional.empty();
            }
        };
    }

    /** The job keeps the operator's account ({@code detail}, also logged); the case keeps the code its reader sees worded. */
    private void fail(ClaimedJob job, GenerationFailure reason, String detail) {
        LOG.warn("job {} ({}) gave up: {}", job.id(), reason.wireName(), detail);
        transactions.inTransaction(() -> {
            if (queue.failed(job, detail)) current(job).filter(c -> c.status() == CaseStatus.GENERATING || c.status() == CaseStatus.QUEUED)
                    .ifPresent(c -> cases.save(c.generationFailed(reason, clock.instant())));
            return null;
        });
    }

    private Optional<TestCase> current(ClaimedJob job) { return cases.find(job.testCase()); }
}
