package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.DomainException;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.StoredFiles;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.ExportId;
import dev.concierge.domain.testcasegeneration.model.ExportJob;
import dev.concierge.domain.testcasegeneration.model.ExportNotFound;
import dev.concierge.domain.testcasegeneration.model.ExportNotReady;
import dev.concierge.domain.testcasegeneration.model.ExportTooLarge;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.in.ExportProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.RunExportsUseCase;
import dev.concierge.domain.testcasegeneration.port.out.ExportRepository;
import dev.concierge.domain.testcasegeneration.port.out.ExportsQueued;
import dev.concierge.domain.testcasegeneration.port.out.SuiteDocuments;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Direct and background exports of a suite's procedures; the files of background exports go to the file store. */
public final class ExportService implements ExportProceduresUseCase, RunExportsUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);
    /** Cases read per query while exporting: small enough to keep memory flat, large enough to be few queries. */
    static final int PAGE = 200;
    /** How long a claimed export stays with its instance; far beyond the seconds a 10,000-case export takes. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final SuiteRepository suites;
    private final TestCaseRepository cases;
    private final ExportRepository exports;
    private final SuiteDocuments documents;
    private final StoredFiles files;
    private final ExportsQueued queued;
    private final Clock clock;
    private final SuiteAccess access;

    public ExportService(SuiteRepository suites, TestCaseRepository cases, ExportRepository exports, SuiteDocuments documents,
                         StoredFiles files, ExportsQueued queued, Clock clock) {
        this.suites = suites;
        this.cases = cases;
        this.exports = exports;
        this.documents = documents;
        this.files = files;
        this.queued = queued;
        this.clock = clock;
        this.access = new SuiteAccess(suites, cases);
    }

    @Override public SuiteExport export(Actor actor, SuiteId id) { return export(actor, id, false); }

    @Override public SuiteExport export(Actor actor, SuiteId id, boolean approvedOnly) {
        Suite suite = access.suite(actor, id);
        long count = cases.countInSuite(id);
        if (count > DIRECT_LIMIT) throw new ExportTooLarge(id, count, DIRECT_LIMIT);
        return suiteExport(suite, count, approvedOnly);
    }

    @Override public ExportJob startExport(Actor actor, SuiteId suite, ExportFormat format, Language language) {
        return startExport(actor, suite, format, language, false);
    }

    @Override public ExportJob startExport(Actor actor, SuiteId suite, ExportFormat format, Language language, boolean approvedOnly) {
        access.suite(actor, suite);
        ExportJob job = ExportJob.queued(ExportId.random(), suite, format, language, actor.user(), clock.instant(), approvedOnly);
        exports.create(job);
        queued.exportsQueued();
        return job;
    }

    @Override public ExportJob exportJob(Actor actor, ExportId id) {
        ExportJob job = exports.find(id).orElseThrow(() -> new ExportNotFound(id));
        boolean member = suites.find(job.suite()).map(suite -> actor.memberOf(suite.team())).orElse(false);
        if (!member) throw new ExportNotFound(id);
        return job;
    }

    @Override public Download download(Actor actor, ExportId id) {
        ExportJob job = exportJob(actor, id);
        if (!job.ready()) throw new ExportNotReady(job);
        return new Download(job, files.read(job.fileKey()).orElseThrow(() -> new ExportNotFound(id)));
    }

    @Override public boolean runNext() {
        Optional<ExportJob> claimed = exports.claimNext(clock.instant(), clock.instant().plus(LEASE), ExportJob.MAX_ATTEMPTS);
        if (claimed.isEmpty()) return false;
        ExportJob job = claimed.get();
        try {
            Suite suite = suites.find(job.suite()).orElseThrow(() -> new ExportNotFound(job.id()));
            SuiteExport export = suiteExport(suite, cases.countInSuite(suite.id()), job.approvedOnly());
            AtomicLong written = new AtomicLong();
            SuiteExport counted = new SuiteExport(suite, export.caseCount(), action -> export.cases().forEach(c -> {
                written.incrementAndGet();
                action.accept(c);
            }));
            long size = files.write(job.fileKey(), documents.contentType(job.format()),
                    out -> documents.write(counted, job.format(), job.language(), out));
            exports.finish(job.id(), size, written.get(), clock.instant());
        } catch (RuntimeException e) {
            boolean giveUp = job.attempts() >= ExportJob.MAX_ATTEMPTS || e instanceof ExportNotFound;
            String reason = e instanceof DomainException ? e.getMessage() : "the file could not be written (" + e.getClass().getSimpleName() + ")";
            LOG.warn("export {} of suite {} failed (attempt {}): {}", job.id(), job.suite(), job.attempts(), e.toString(), e);
            exports.attemptFailed(job.id(), reason, giveUp, clock.instant());
        }
        return true;
    }

    /** The suite's cases (or its approved ones) in key order, read a page at a time as they are written. */
    private SuiteExport suiteExport(Suite suite, long count, boolean approvedOnly) {
        return new SuiteExport(suite, count, action -> {
            Optional<TestCaseKey> after = Optional.empty();
            while (true) {
                List<TestCase> page = cases.inSuiteAfter(suite.id(), after, PAGE);
                for (TestCase c : page) if (!approvedOnly || c.status() == dev.concierge.domain.testcasegeneration.model.CaseStatus.APPROVED) action.accept(c);
                if (page.size() < PAGE) return;
                after = Optional.of(page.getLast().content().key());
            }
        });
    }
}
