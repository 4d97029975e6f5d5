package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.StoredFile;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.ExportId;
import dev.concierge.domain.testcasegeneration.model.ExportJob;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;
import dev.concierge.domain.testcasegeneration.model.SuiteId;

/**
 * Exports of a suite's procedures: directly in the request for suites up to {@link #DIRECT_LIMIT} cases, and as a
 * background job for any size, whose file is kept in the file store until it is downloaded (as often as wanted).
 */
public interface ExportProceduresUseCase {
    /**
     * Cases a direct export serves. 2,000 cases of typical length write in well under ten seconds as XLSX; beyond that
     * a request would hold a web thread for long and risk the load balancer's idle timeout, so it runs as a job.
     */
    int DIRECT_LIMIT = 2_000;

    /** The suite for writing in the request. @throws dev.concierge.domain.testcasegeneration.model.ExportTooLarge over the limit */
    SuiteExport export(Actor actor, SuiteId suite);

    /** Like {@link #export(Actor, SuiteId)}; with {@code approvedOnly} the file holds the approved cases only. */
    SuiteExport export(Actor actor, SuiteId suite, boolean approvedOnly);

    /** Queues an export of the suite; the file is made in the background, its headers and display values in {@code language}. */
    ExportJob startExport(Actor actor, SuiteId suite, ExportFormat format, Language language);

    /** Like {@link #startExport(Actor, SuiteId, ExportFormat, Language)}; with {@code approvedOnly} the file holds the approved cases only. */
    ExportJob startExport(Actor actor, SuiteId suite, ExportFormat format, Language language, boolean approvedOnly);

    /** The export's state; visible to the members of the suite's team only. */
    ExportJob exportJob(Actor actor, ExportId id);

    /** The export's file, for the caller to stream and close. @throws dev.concierge.domain.testcasegeneration.model.ExportNotReady before it is ready */
    Download download(Actor actor, ExportId id);

    record Download(ExportJob job, StoredFile file) {}
}
