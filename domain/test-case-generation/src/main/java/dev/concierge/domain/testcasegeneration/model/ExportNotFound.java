package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.NotFound;

public final class ExportNotFound extends NotFound {
    public ExportNotFound(ExportId id) { super("Export " + id + " does not exist."); }
}
