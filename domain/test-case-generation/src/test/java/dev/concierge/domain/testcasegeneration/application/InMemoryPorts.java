package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.FilesUnavailable;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.StoredFile;
import dev.concierge.domain.kernel.StoredFiles;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchId;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ClaimedJob;
import dev.concierge.domain.testcasegeneration.model.ExportId;
import dev.concierge.domain.testcasegeneration.model.ExportJob;
import dev.concierge.domain.testcasegeneration.model.ExportState;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;
import dev.concierge.domain.testcasegeneration.port.out.ExportRepository;
import dev.concierge.domain.testcasegeneration.port.out.GenerationModelStatus;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;
import dev.concierge.domain.testcasegeneration.port.out.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** In-memory fakes of test-case generation's driven ports, behaving as the contracts in port.out say. */
final class InMemoryPorts {
    private InMemoryPorts() {}

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-20T09:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }

        void advance(Duration by) { now = now.plus(by); }
    }

    static final class Suites implements SuiteRepository {
        private final Map<SuiteId, Suite> suites = new LinkedHashMap<>();
        private final AtomicLong ids = new AtomicLong();

        @Override public Suite create(NewSuite suite, String team, UserId createdBy, Instant at) {
            Suite created = new Suite(new SuiteId(ids.incrementAndGet()), suite.name(), suite.description(), team, createdBy, at);
            suites.put(created.id(), created);
            return created;
        }

        @Override public Optional<Suite> find(SuiteId id) { return Optional.ofNullable(suites.get(id)); }

        @Override public Page<Suite> list(Set<String> teams, PageRequest page) {
            List<Suite> mine = suites.values().stream().filter(s -> teams.contains(s.team()))
                    .sorted(Comparator.comparing(Suite::createdAt).thenComparing(s -> s.id().value()).reversed()).toList();
            return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), mine.size());
        }

        @Override public Optional<Suite> rename(SuiteId id, NewSuite suite) {
            return find(id).map(s -> {
                Suite renamed = new Suite(s.id(), suite.name(), suite.description(), s.team(), s.createdBy(), s.createdAt());
                suites.put(id, renamed);
                return renamed;
            });
        }

        @Override public boolean delete(SuiteId id) { return suites.remove(id) != null; }
    }

    static final class TestCases implements TestCaseRepository {
        private final Map<TestCaseId, TestCase> cases = new LinkedHashMap<>();
        private final Map<TestCaseId, TreeMap<Integer, ProcedureRevision>> history = new LinkedHashMap<>();
        private final AtomicLong ids = new AtomicLong();

        @Override public TestCase create(SuiteId suite, TestCaseContent content, Instant at) {
            if (findByKey(suite, content.key()).isPresent()) throw new Conflict("duplicate_key", "key " + content.key() + " is taken");
            TestCase created = new TestCase(new TestCaseId(ids.incrementAndGet()), suite, content, CaseStatus.DRAFT, Optional.empty(),
                    Optional.empty(), Optional.empty(), 0, at);
            cases.put(created.id(), created);
            return created;
        }

        @Override public Optional<TestCase> find(TestCaseId id) { return Optional.ofNullable(cases.get(id)); }

        @Override public Optional<TestCase> findByKey(SuiteId suite, TestCaseKey key) {
            return cases.values().stream().filter(c -> c.suite().equals(suite) && c.content().key().equals(key)).findFirst();
        }

        @Override public Page<TestCase> list(TestCaseQuery query) {
            List<TestCase> matching = inSuite(query.suite(), query.statuses()).stream()
                    .filter(c -> query.priorities().isEmpty() || query.priorities().contains(c.content().priority()))
                    .filter(c -> query.search().map(w -> c.content().title().contains(w) || c.content().key().value().contains(w)).orElse(true))
                    .toList();
            return new Page<>(matching.stream().skip(query.page().offset()).limit(query.page().limit()).toList(), matching.size());
        }

        @Override public List<TestCase> inSuite(SuiteId suite, Set<CaseStatus> statuses) {
            return cases.values().stream().filter(c -> c.suite().equals(suite))
                    .filter(c -> statuses.isEmpty() || statuses.contains(c.status()))
                    .sorted(Comparator.comparing(c -> c.content().key().value())).toList();
        }

        @Override public List<TestCase> findAll(Collection<TestCaseId> ids) {
            return ids.stream().map(cases::get).filter(java.util.Objects::nonNull).toList();
        }

        /** Counts the pages read, so a test sees that an export reads page by page. */
        int pagesRead;

        @Override public List<TestCase> inSuiteAfter(SuiteId suite, Optional<TestCaseKey> after, int limit) {
            pagesRead++;
            return inSuite(suite, Set.of()).stream()
                    .filter(c -> after.map(a -> c.content().key().value().compareTo(a.value()) > 0).orElse(true))
                    .limit(limit).toList();
        }

        @Override public long countInSuite(SuiteId suite) { return inSuite(suite, Set.of()).size(); }

        @Override public TestCase save(TestCase changed) {
            TestCase stored = cases.get(changed.id());
            if (stored == null || stored.version() != changed.version()) throw new Conflict("stale", "changed since read");
            TestCase saved = new TestCase(changed.id(), changed.suite(), changed.content(), changed.status(), changed.procedure(),
                    changed.failureReason(), changed.reviewerFeedback(), changed.version() + 1, changed.updatedAt());
            cases.put(saved.id(), saved);
            changed.procedure().ifPresent(r -> history.computeIfAbsent(saved.id(), id -> new TreeMap<>()).putIfAbsent(r.number(), r));
            return saved;
        }

        @Override public List<ProcedureRevision> revisions(TestCaseId id) {
            return List.copyOf(history.getOrDefault(id, new TreeMap<>()).values());
        }

        @Override public boolean delete(TestCaseId id) {
            history.remove(id);
            return cases.remove(id) != null;
        }

        @Override public dev.concierge.domain.testcasegeneration.model.Neighbours neighbours(TestCaseQuery query, TestCaseId id) {
            List<TestCase> all = list(new TestCaseQuery(query.suite(), query.statuses(), query.search(),
                    new PageRequest(PageRequest.MAX_LIMIT, 0), query.order(), query.priorities())).items();
            for (int i = 0; i < all.size(); i++) {
                if (!all.get(i).id().equals(id)) continue;
                return new dev.concierge.domain.testcasegeneration.model.Neighbours(
                        i > 0 ? Optional.of(all.get(i - 1).id()) : Optional.empty(),
                        i + 1 < all.size() ? Optional.of(all.get(i + 1).id()) : Optional.empty(), i + 1, all.size());
            }
            return dev.concierge.domain.testcasegeneration.model.Neighbours.none();
        }
    }

    /** One job as the queue keeps it. */
    static final class Job {
        final long id;
        final BatchId batch;
        final TestCaseId testCase;
        JobState state = JobState.QUEUED;
        int attempt;
        Instant runAfter;
        String owner;
        Instant leaseUntil;
        String lastError;
        Instant finishedAt;

        Job(long id, BatchId batch, TestCaseId testCase, Instant runAfter) {
            this.id = id;
            this.batch = batch;
            this.testCase = testCase;
            this.runAfter = runAfter;
        }
    }

    static final class Queue implements GenerationQueue {
        final Map<Long, Job> jobs = new LinkedHashMap<>();
        private final Map<BatchId, Batch> batches = new LinkedHashMap<>();
        private final Clock clock;
        private final AtomicLong ids = new AtomicLong();

        Queue(Clock clock) { this.clock = clock; }

        @Override public void enqueue(Batch batch, List<TestCaseId> cases) {
            batches.put(batch.id(), batch);
            for (TestCaseId id : cases) {
                boolean open = jobs.values().stream().anyMatch(j -> j.testCase.equals(id) && !j.state.finished());
                if (open) throw new Conflict("already_queued", id + " is already queued");
                long jobId = ids.incrementAndGet();
                jobs.put(jobId, new Job(jobId, batch.id(), id, clock.instant()));
            }
        }

        @Override public List<ClaimedJob> claim(String worker, int max, Duration lease) {
            Instant now = clock.instant();
            List<ClaimedJob> claimed = new ArrayList<>();
            for (Job job : jobs.values()) {
                if (claimed.size() == max) break;
                boolean due = job.state == JobState.QUEUED && !job.runAfter.isAfter(now)
                        || job.state == JobState.RUNNING && job.leaseUntil.isBefore(now);
                if (!due) continue;
                job.state = JobState.RUNNING;
                job.owner = worker;
                job.leaseUntil = now.plus(lease);
                job.attempt++;
                claimed.add(new ClaimedJob(job.id, job.batch, job.testCase, job.attempt, worker));
            }
            return claimed;
        }

        @Override public void heartbeat(String worker, Collection<Long> jobIds, Duration lease) {
            for (Long id : jobIds) {
                Job job = jobs.get(id);
                if (job != null && job.state == JobState.RUNNING && worker.equals(job.owner)) job.leaseUntil = clock.instant().plus(lease);
            }
        }

        private Optional<Job> held(ClaimedJob claim) {
            return Optional.ofNullable(jobs.get(claim.id()))
                    .filter(j -> j.state == JobState.RUNNING && claim.worker().equals(j.owner) && j.attempt == claim.attempt());
        }

        /** Set: the next recorded success finds the database gone, as a restart or a killed connection would. */
        boolean databaseGoneAtNextSuccess;

        @Override public boolean succeeded(ClaimedJob job) {
            if (databaseGoneAtNextSuccess) {
                databaseGoneAtNextSuccess = false;
                throw new dev.concierge.domain.kernel.Unavailable("database_unavailable", "The database is not reachable right now.");
            }
            return finish(job, JobState.SUCCEEDED, null);
        }

        @Override public boolean failed(ClaimedJob job, String reason) { return finish(job, JobState.FAILED, reason); }

        private boolean finish(ClaimedJob claim, JobState state, String reason) {
            return held(claim).map(job -> {
                job.state = state;
                job.lastError = reason;
                job.finishedAt = clock.instant();
                return true;
            }).orElse(false);
        }

        @Override public boolean retryLater(ClaimedJob claim, Instant runAfter, String reason) {
            return held(claim).map(job -> {
                job.state = JobState.QUEUED;
                job.runAfter = runAfter;
                job.owner = null;
                job.lastError = reason;
                return true;
            }).orElse(false);
        }

        @Override public int releaseAll(String worker) {
            int released = 0;
            for (Job job : jobs.values()) {
                if (job.state == JobState.RUNNING && worker.equals(job.owner)) {
                    job.state = JobState.QUEUED;
                    job.owner = null;
                    job.runAfter = clock.instant();
                    released++;
                }
            }
            return released;
        }

        @Override public List<TestCaseId> cancel(BatchId batch) {
            Batch found = batches.get(batch);
            batches.put(batch, new Batch(found.id(), found.suite(), found.requestedBy(), found.createdAt(), found.size(), true));
            List<TestCaseId> cancelled = new ArrayList<>();
            for (Job job : jobs.values()) {
                if (job.batch.equals(batch) && job.state == JobState.QUEUED) {
                    job.state = JobState.CANCELLED;
                    job.finishedAt = clock.instant();
                    cancelled.add(job.testCase);
                }
            }
            return cancelled;
        }

        @Override public Optional<Batch> batch(BatchId id) { return Optional.ofNullable(batches.get(id)); }

        @Override public BatchProgress progress(Batch batch, Instant now) {
            Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
            List<Instant> finished = new ArrayList<>();
            for (Job job : jobs.values()) {
                if (!job.batch.equals(batch.id())) continue;
                counts.merge(job.state, 1, Integer::sum);
                if (job.state == JobState.SUCCEEDED || job.state == JobState.FAILED) finished.add(job.finishedAt);
            }
            return new BatchProgress(batch, counts, finished.stream().min(Comparator.naturalOrder()),
                    finished.stream().max(Comparator.naturalOrder()), now);
        }

        @Override public Page<Batch> batches(SuiteId suite, PageRequest page) {
            List<Batch> of = batches.values().stream().filter(b -> b.suite().equals(suite)).toList().reversed();
            return new Page<>(of.stream().skip(page.offset()).limit(page.limit()).toList(), of.size());
        }

        @Override public QueueDepth depth(Instant now) {
            int queued = (int) jobs.values().stream().filter(j -> j.state == JobState.QUEUED).count();
            int running = (int) jobs.values().stream().filter(j -> j.state == JobState.RUNNING).count();
            return new QueueDepth(queued, running, Duration.ZERO);
        }

        List<Job> of(TestCaseId id) { return jobs.values().stream().filter(j -> j.testCase.equals(id)).toList(); }
    }

    /** Every call runs at once; atomicity is the real adapter's concern (tested on PostgreSQL). */
    static final class DirectTransactions implements Transactions {
        int count;

        @Override public <T> T inTransaction(Supplier<T> work) {
            count++;
            return work.get();
        }
    }

    /** Answers generation requests from a script (a procedure, or an exception to throw); then a default procedure. */
    static final class ScriptedGenerator implements ProcedureGenerator {
        final List<Request> requests = new ArrayList<>();
        private final Deque<Supplier<Procedure>> script = new ArrayDeque<>();

        ScriptedGenerator then(Procedure procedure) { script.add(() -> procedure); return this; }

        ScriptedGenerator thenThrow(RuntimeException failure) { script.add(() -> { throw failure; }); return this; }

        ScriptedGenerator thenUnavailable(int times) {
            for (int i = 0; i < times; i++) thenThrow(new GenerationUnavailable("No LLM reachable at http://localhost:11434 — start Ollama."));
            return this;
        }

        @Override public Procedure generate(Request request) {
            requests.add(request);
            Supplier<Procedure> next = script.poll();
            return next == null ? DEFAULT : next.get();
        }

        static final Procedure DEFAULT = new Procedure(List.of(
                new dev.concierge.domain.testcasegeneration.model.Step("Open the login page", "The login form is shown"),
                new dev.concierge.domain.testcasegeneration.model.Step("Sign in as alice", "The dashboard is shown")));
    }

    static final class SwitchableModelStatus implements GenerationModelStatus {
        Optional<String> reason = Optional.empty();

        @Override public Optional<String> unavailableReason() { return reason; }
    }


    /** Files in memory, as the store keeps them: whole once written. */
    static final class Files implements StoredFiles {
        final Map<String, byte[]> stored = new TreeMap<>();
        boolean unavailable;

        @Override public long write(FileKey key, String contentType, Content content) {
            if (unavailable) throw new FilesUnavailable("the test's store is down");
            var bytes = new java.io.ByteArrayOutputStream();
            try {
                content.writeTo(bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stored.put(key.value(), bytes.toByteArray());
            return bytes.size();
        }

        @Override public Optional<StoredFile> read(FileKey key) {
            return Optional.ofNullable(stored.get(key.value()))
                    .map(b -> new StoredFile(key, b.length, new java.io.ByteArrayInputStream(b)));
        }

        @Override public void delete(FileKey key) { stored.remove(key.value()); }
    }

    static final class Exports implements ExportRepository {
        final Map<ExportId, ExportJob> jobs = new LinkedHashMap<>();
        private final Map<ExportId, Instant> leases = new LinkedHashMap<>();

        @Override public void create(ExportJob queued) { jobs.put(queued.id(), queued); }

        @Override public Optional<ExportJob> find(ExportId id) { return Optional.ofNullable(jobs.get(id)); }

        @Override public Optional<ExportJob> claimNext(Instant now, Instant leaseUntil, int maxAttempts) {
            for (ExportJob job : List.copyOf(jobs.values())) {
                boolean expired = job.state() == ExportState.RUNNING && !leases.get(job.id()).isAfter(now);
                if (expired && job.attempts() >= maxAttempts) {
                    jobs.put(job.id(), with(job, ExportState.FAILED, job.attempts(), Optional.of("interrupted"), Optional.of(now)));
                } else if (job.state() == ExportState.QUEUED || expired) {
                    ExportJob running = with(job, ExportState.RUNNING, job.attempts() + 1, Optional.empty(), Optional.empty());
                    jobs.put(job.id(), running);
                    leases.put(job.id(), leaseUntil);
                    return Optional.of(running);
                }
            }
            return Optional.empty();
        }

        @Override public void finish(ExportId id, long sizeBytes, long caseCount, Instant at) {
            ExportJob j = jobs.get(id);
            jobs.put(id, new ExportJob(j.id(), j.suite(), j.format(), ExportState.READY, j.requestedBy(), j.createdAt(),
                    Optional.of(at), Optional.of(j.fileKey()), sizeBytes, caseCount, j.attempts(), Optional.empty(), j.language()));
        }

        @Override public void attemptFailed(ExportId id, String reason, boolean giveUp, Instant at) {
            ExportJob j = jobs.get(id);
            jobs.put(id, giveUp ? with(j, ExportState.FAILED, j.attempts(), Optional.of(reason), Optional.of(at))
                    : with(j, ExportState.QUEUED, j.attempts(), Optional.of(reason), Optional.empty()));
        }

        private static ExportJob with(ExportJob j, ExportState state, int attempts, Optional<String> failure, Optional<Instant> finished) {
            return new ExportJob(j.id(), j.suite(), j.format(), state, j.requestedBy(), j.createdAt(), finished, j.file(),
                    j.sizeBytes(), j.caseCount(), attempts, failure, j.language());
        }
    }
}
