package dev.concierge.domain.testcasegeneration.port.out;

import java.util.Optional;

/** Whether a model is reachable now; asked before accepting generation requests. */
public interface GenerationModelStatus {
    /** Empty when a model answers; otherwise what is wrong and what to start or set. */
    Optional<String> unavailableReason();
}
