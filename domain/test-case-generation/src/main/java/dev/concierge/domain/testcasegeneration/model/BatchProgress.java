package dev.concierge.domain.testcasegeneration.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How far a batch is: counts per job state, the rate of finishing, and an estimate of the time left (from the
 * rate since the first job finished, so a queue that waited before starting does not look slow). The rate is told
 * only once it means something: after {@link #MIN_FINISHED_FOR_RATE} jobs over at least {@link #MIN_SPAN_FOR_RATE}
 * (two jobs finishing a few milliseconds apart would otherwise read "30000 per minute, 1 s left").
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

    public static final int MIN_FINISHED_FOR_RATE = 3;
    public static final Duration MIN_SPAN_FOR_RATE = Duration.ofSeconds(20);

    public boolean done() { return remaining() == 0; }

    /** The batch was cancelled: its cancelled jobs did not run, so it is not "complete". */
    public boolean cancelled() { return batch.cancelled() || counts.get(JobState.CANCELLED) > 0; }

    /** Jobs the model actually worked through (succeeded or failed); cancelled ones never ran. */
    public int processed() { return counts.get(JobState.SUCCEEDED) + counts.get(JobState.FAILED); }

    /**
     * How much of the batch is through, in whole percent: of a cancelled batch, the share that ran (a batch cancelled
     * after 3 of 15 shows 20 %, not a full bar).
     */
    public int percent() {
        if (total() == 0) return done() && !cancelled() ? 100 : 0;
        int through = cancelled() ? processed() : finished();
        return (int) Math.floor(through * 100.0 / total());
    }

    /** Jobs finished per minute since the first finished; empty until the rate means something (see the class). */
    public Optional<Double> perMinute() {
        if (firstFinishedAt.isEmpty() || lastFinishedAt.isEmpty()) return Optional.empty();
        int doneCount = processed();
        Duration span = Duration.between(firstFinishedAt.get(), lastFinishedAt.get());
        if (doneCount < MIN_FINISHED_FOR_RATE || span.compareTo(MIN_SPAN_FOR_RATE) < 0) return Optional.empty();
        return Optional.of((doneCount - 1) * 60_000.0 / span.toMillis());
    }

    public Optional<Duration> estimatedTimeLeft() {
        if (done()) return Optional.of(Duration.ZERO);
        if (cancelled()) return Optional.empty();
        return perMinute().filter(rate -> rate > 0)
                .map(rate -> Duration.ofMillis((long) (remaining() / rate * 60_000)));
    }
}
