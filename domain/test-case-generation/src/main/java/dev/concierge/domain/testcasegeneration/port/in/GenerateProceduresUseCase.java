package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.testcasegeneration.model.GenerationStarted;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchId;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.SuiteId;

public interface GenerateProceduresUseCase {
    /**
     * Queues one job per selected case and returns the batch.
     * @throws dev.concierge.domain.kernel.Unavailable when no model is reachable (nothing is queued)
     */
    Batch generate(GenerateProceduresCommand command);

    BatchProgress progress(Actor actor, BatchId batch);

    /** Queued jobs stop and their cases go back to where they were; running ones finish. */
    BatchProgress cancel(Actor actor, BatchId batch);

    Page<Batch> batches(Actor actor, SuiteId suite, PageRequest page);

    /**
     * Like {@link #generate}, but a selection with cases that cannot be generated now (approved, already queued)
     * queues the others and names those it left; only when none can be queued is it refused.
     */
    GenerationStarted start(GenerateProceduresCommand command);
}
