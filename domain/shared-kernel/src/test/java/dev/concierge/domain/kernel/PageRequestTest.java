package dev.concierge.domain.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void a_limit_at_either_bound_is_accepted(int limit) {
        assertThat(new PageRequest(limit, 0).limit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 101, Integer.MAX_VALUE})
    void a_limit_outside_1_to_100_is_rejected_naming_the_limit(int limit) {
        assertThatThrownBy(() -> new PageRequest(limit, 0))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("limit"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1_000_000})
    void an_offset_at_either_bound_is_accepted(int offset) {
        assertThat(new PageRequest(10, offset).offset()).isEqualTo(offset);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 1_000_001, Integer.MAX_VALUE})
    void an_offset_outside_0_to_a_million_is_rejected_naming_the_offset(int offset) {
        assertThatThrownBy(() -> new PageRequest(10, offset))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("offset"));
    }

    @Test
    void the_first_page_starts_at_the_beginning_with_the_default_size() {
        PageRequest first = PageRequest.first();

        assertThat(first.offset()).isZero();
        assertThat(first.limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
    }
}
