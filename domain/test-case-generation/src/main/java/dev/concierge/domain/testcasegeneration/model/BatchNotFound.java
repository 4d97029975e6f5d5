package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.NotFound;

public final class BatchNotFound extends NotFound {
    public BatchNotFound(BatchId id) { super("Batch " + id + " does not exist."); }
}
