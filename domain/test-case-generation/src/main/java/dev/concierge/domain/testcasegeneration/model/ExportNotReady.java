package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Conflict;

/** The export's file is not there to download: still being made, or the export failed. */
public final class ExportNotReady extends Conflict {
    public ExportNotReady(ExportJob job) {
        super("export_not_ready", job.state() == ExportState.FAILED
                ? "Export " + job.id() + " failed: " + job.failure().orElse("unknown reason") + ". Start a new export."
                : "Export " + job.id() + " is " + job.state().wireName() + "; download it once its state is ready.");
    }
}
