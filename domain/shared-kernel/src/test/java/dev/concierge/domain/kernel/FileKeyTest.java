package dev.concierge.domain.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"exports/suite-1/abc.csv", "a", "imports/2026-12-07T02-00-00Z-x_y.csv"})
    void a_key_of_plain_segments_is_accepted(String value) {
        assertThat(new FileKey(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc/passwd", "a/../b", "/absolute", "a//b", "a/", "./a", "a b", "a\\b", "exports/é.csv"})
    void a_key_that_could_leave_the_store_or_is_not_plain_is_rejected(String value) {
        assertThatThrownBy(() -> new FileKey(value)).isInstanceOf(InvalidInput.class);
    }
}
