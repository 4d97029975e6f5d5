package dev.concierge.domain.testcasegeneration.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60), 6);

    @Test void the_delay_doubles_per_attempt_with_jitter_between_half_and_all_of_it() {
        assertThat(policy.delayAfter(1, () -> 0.0)).contains(Duration.ofMillis(2_500));
        assertThat(policy.delayAfter(1, () -> 1.0)).contains(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(2, () -> 1.0)).contains(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(3, () -> 1.0)).contains(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(3, () -> 0.5)).contains(Duration.ofSeconds(15));
    }

    @Test void the_delay_is_capped() {
        assertThat(policy.delayAfter(5, () -> 1.0)).contains(Duration.ofSeconds(60));
    }

    @Test void after_the_last_attempt_there_is_no_further_retry() {
        assertThat(policy.delayAfter(5, () -> 0.3)).isPresent();
        assertThat(policy.delayAfter(6, () -> 0.3)).isEmpty();
    }

    @Test void a_policy_without_attempts_is_refused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(10), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
