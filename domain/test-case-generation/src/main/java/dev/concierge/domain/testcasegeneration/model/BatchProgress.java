package dev.concierge.domain.testcasegeneration.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How far a batch is: counts per job state, the rate of finishing, and an estimate of the time left (from the
 * rate since the first job finished, so a queue that waited before starting does not look slow).
 */
public record BatchProgress(Batch batch, Map<JobState, Integer> counts, Optional<Instant> firstFinishedAt,
                            Optional<Instant> lastFinishedAt, Instant now) {
    public BatchProgress {
        Map<JobState, Integer> all = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) all.put(state, counts.getOrDefault(state, 0));
        counts = Map.copyOf(all);
    }

    public int total() { return counts.values().stream().mapToInt(Integer::intValue).sum(); }

    public int finished() { return counts.get(JobState.SUCCEEDED) + counts.get(JobState.FAILED) + counts.get(JobState.CANCELLED); }

    public int remaining() { return total() - finished(); }

    public boolean done() { return remaining() == 0; }

    /** Jobs finished per minute since the first finished; empty until two have finished. */
    public Optional<Double> perMinute() {
        if (firstFinishedAt.isEmpty() || lastFinishedAt.isEmpty()) return Optional.empty();
        int doneCount = counts.get(JobState.SUCCEEDED) + counts.get(JobState.FAILED);
        long millis = Duration.between(firstFinishedAt.get(), lastFinishedAt.get()).toMillis();
        if (doneCount < 2 || millis <= 0) return Optional.empty();
        return Optional.of((doneCount - 1) * 60_000.0 / millis);
    }

    public Optional<Duration> estimatedTimeLeft() {
        if (done()) return Optional.of(Duration.ZERO);
        return perMinute().filter(rate -> rate > 0)
                .map(rate -> Duration.ofMillis((long) (remaining() / rate * 60_000)));
    }
}
