package dev.concierge.rehearsal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rehearsal hands the app each ECS secret as the reference the app resolves itself. */
class EcsSecretReferenceTest {
    private static final String ARN = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:concierge/dev/database-AbCdEf";

    @Test void a_json_key_of_a_secret_becomes_a_reference_with_that_key() {
        assertThat(SynthesisedContainers.asAppReference(ARN + ":password::")).isEqualTo("secretsmanager:" + ARN + "#password");
    }

    @Test void a_whole_secret_becomes_a_reference_to_the_whole_string() {
        assertThat(SynthesisedContainers.asAppReference(ARN)).isEqualTo("secretsmanager:" + ARN);
    }

    @Test void a_pinned_version_is_refused_rather_than_read_as_the_current_one() {
        assertThatThrownBy(() -> SynthesisedContainers.asAppReference(ARN + ":password:AWSPREVIOUS:"))
                .hasMessageContaining("only the current version");
    }
}
