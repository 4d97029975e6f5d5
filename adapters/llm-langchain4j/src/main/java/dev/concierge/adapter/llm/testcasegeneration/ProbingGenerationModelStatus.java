package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.adapter.llm.LlmReachability;
import dev.concierge.domain.testcasegeneration.port.out.GenerationModelStatus;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Whether generation requests can be accepted, from the reachability probe (lists the provider's models; no
 * generation). The answer is reused briefly so a burst of requests costs one probe.
 */
final class ProbingGenerationModelStatus implements GenerationModelStatus {
    static final Duration REUSE = Duration.ofSeconds(3);

    private final LlmReachability reachability;
    private final LongSupplier nanoTime;
    private volatile Answer last;

    private record Answer(long at, Optional<String> unavailableReason) {}

    ProbingGenerationModelStatus(LlmReachability reachability) { this(reachability, System::nanoTime); }

    ProbingGenerationModelStatus(LlmReachability reachability, LongSupplier nanoTime) {
        this.reachability = reachability;
        this.nanoTime = nanoTime;
    }

    @Override public Optional<String> unavailableReason() {
        long now = nanoTime.getAsLong();
        Answer answer = last;
        if (answer == null || now - answer.at() > REUSE.toNanos()) {
            LlmReachability.Status status = reachability.check();
            answer = new Answer(now, status.up() ? Optional.empty() : Optional.of(status.message()));
            last = answer;
        }
        return answer.unavailableReason();
    }
}
