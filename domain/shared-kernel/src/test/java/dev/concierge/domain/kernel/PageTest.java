package dev.concierge.domain.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {

    @Test
    void a_total_smaller_than_the_items_on_the_page_is_rejected() {
        assertThatThrownBy(() -> new Page<>(List.of("a", "b", "c"), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_total_equal_to_the_items_on_the_page_is_accepted() {
        assertThat(new Page<>(List.of("a", "b"), 2).total()).isEqualTo(2);
    }

    @Test
    void a_total_larger_than_the_page_counts_the_items_on_other_pages() {
        Page<String> page = new Page<>(List.of("a", "b"), 40);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.total()).isEqualTo(40);
    }

    @Test
    void changing_the_source_list_afterwards_does_not_change_the_page() {
        List<String> source = new ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(source, 5);

        source.add("b");

        assertThat(page.items()).containsExactly("a");
    }

    @Test
    void mapping_a_page_converts_each_item_and_keeps_the_total() {
        Page<Integer> lengths = new Page<>(List.of("one", "three"), 7).map(String::length);

        assertThat(lengths.items()).containsExactly(3, 5);
        assertThat(lengths.total()).isEqualTo(7);
    }
}
