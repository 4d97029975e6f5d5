package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BatchProgressTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Batch BATCH = new Batch(BatchId.random(), new SuiteId(1), new UserId("alice"), T0, 10, false);

    @Test void counts_every_state_and_what_remains() {
        var progress = new BatchProgress(BATCH, Map.of(JobState.SUCCEEDED, 4, JobState.FAILED, 1, JobState.RUNNING, 2, JobState.QUEUED, 3),
                Optional.of(T0), Optional.of(T0.plusSeconds(60)), T0.plusSeconds(60));

        assertThat(progress.total()).isEqualTo(10);
        assertThat(progress.finished()).isEqualTo(5);
        assertThat(progress.remaining()).isEqualTo(5);
        assertThat(progress.counts()).containsEntry(JobState.CANCELLED, 0);
        assertThat(progress.done()).isFalse();
    }

    @Test void the_rate_runs_from_the_first_to_the_last_finished_job_and_gives_the_time_left() {
        var progress = new BatchProgress(BATCH, Map.of(JobState.SUCCEEDED, 5, JobState.QUEUED, 4),
                Optional.of(T0), Optional.of(T0.plusSeconds(60)), T0.plusSeconds(61));

        assertThat(progress.perMinute()).contains(4.0);
        assertThat(progress.estimatedTimeLeft()).contains(Duration.ofSeconds(60));
    }

    @Test void with_fewer_than_two_finished_there_is_no_rate_yet() {
        var progress = new BatchProgress(BATCH, Map.of(JobState.SUCCEEDED, 1, JobState.QUEUED, 9), Optional.of(T0), Optional.of(T0), T0);

        assertThat(progress.perMinute()).isEmpty();
        assertThat(progress.estimatedTimeLeft()).isEmpty();
    }

    @Test void a_finished_batch_has_no_time_left() {
        var progress = new BatchProgress(BATCH, Map.of(JobState.SUCCEEDED, 8, JobState.CANCELLED, 2), Optional.of(T0), Optional.of(T0), T0);

        assertThat(progress.done()).isTrue();
        assertThat(progress.estimatedTimeLeft()).contains(Duration.ZERO);
    }

    @Test void two_jobs_finishing_moments_apart_give_no_rate_and_no_time_left() {
        var progress = new BatchProgress(BATCH, Map.of(JobState.SUCCEEDED, 2, JobState.QUEUED, 8),
                Optional.of(T0), Optional.of(T0.plusMillis(4)), T0.plusMillis(5));

        assertThat(progress.perMinute()).isEmpty();
        assertThat(progress.estimatedTimeLeft()).isEmpty();
    }

    @Test void a_rate_over_a_short_span_is_not_told_even_with_several_jobs() {
        var progress = new BatchProgress(BATCH, Map.of(JobState.SUCCEEDED, 5, JobState.QUEUED, 5),
                Optional.of(T0), Optional.of(T0.plus(BatchProgress.MIN_SPAN_FOR_RATE).minusSeconds(1)), T0.plusSeconds(30));

        assertThat(progress.perMinute()).isEmpty();
    }

    @Test void a_cancelled_batch_is_not_a_full_bar_and_says_it_was_cancelled() {
        Batch cancelled = new Batch(BATCH.id(), BATCH.suite(), BATCH.requestedBy(), T0, 15, true);
        var progress = new BatchProgress(cancelled, Map.of(JobState.SUCCEEDED, 3, JobState.CANCELLED, 12),
                Optional.of(T0), Optional.of(T0.plusSeconds(90)), T0.plusSeconds(91));

        assertThat(progress.done()).isTrue();
        assertThat(progress.cancelled()).isTrue();
        assertThat(progress.processed()).isEqualTo(3);
        assertThat(progress.percent()).isEqualTo(20);
    }

    @Test void a_batch_running_normally_counts_every_finished_job_in_its_percent() {
        var progress = new BatchProgress(BATCH, Map.of(JobState.SUCCEEDED, 4, JobState.FAILED, 1, JobState.QUEUED, 5),
                Optional.of(T0), Optional.of(T0.plusSeconds(60)), T0.plusSeconds(60));

        assertThat(progress.cancelled()).isFalse();
        assertThat(progress.percent()).isEqualTo(50);
    }
}
