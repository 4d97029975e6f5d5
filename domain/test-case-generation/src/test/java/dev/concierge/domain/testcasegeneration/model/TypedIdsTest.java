package dev.concierge.domain.testcasegeneration.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids typed with a Japanese input method (full-width letters and digits) are the ids they look like. */
class TypedIdsTest {
    @Test void a_full_width_key_is_the_key_it_shows() {
        assertThat(new TestCaseKey("ＴＣ-００１")).isEqualTo(new TestCaseKey("TC-001"));
    }

    @Test void a_full_width_requirement_reference_names_the_requirement() {
        var content = new TestCaseContent(new TestCaseKey("TC-001"), "ログインできる", "", "", "REQ-１", "", Priority.HIGH, List.of());

        assertThat(content.requirementReference()).isEqualTo("REQ-1");
        assertThat(new NewRequirement("ＲＥＱ-１", "ログイン", "", List.of(AcceptanceCriterion.of("AC1", "ログインできる"))).reference())
                .isEqualTo("REQ-1");
    }
}
