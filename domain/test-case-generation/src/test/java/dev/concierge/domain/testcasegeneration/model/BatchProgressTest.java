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
}
