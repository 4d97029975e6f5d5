package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading is lenient about wrapping, strict about content: the procedure rules decide. */
class ProcedureReplyReaderTest {
    private static final String ONE_STEP = "{\"steps\":[{\"action\":\"Open the login page\",\"expectedResult\":\"The form is shown\",\"testData\":\"\"}]}";

    @Test void plain_json_is_usable() {
        assertThat(steps(ProcedureReplyReader.read(ONE_STEP))).containsExactly(new Step("Open the login page", "The form is shown"));
    }

    @Test void prose_around_the_json_and_a_fence_without_a_language_are_dropped() {
        assertThat(steps(ProcedureReplyReader.read("Here is the procedure:\n```\n" + ONE_STEP + "\n```\nGood luck!"))).hasSize(1);
    }

    @Test void a_thinking_block_with_braces_inside_is_dropped_before_looking_for_json() {
        assertThat(steps(ProcedureReplyReader.read("<think>\nThe shape is {\"steps\": …}\n</think>\n\n" + ONE_STEP))).hasSize(1);
    }

    @Test void a_fenced_reply_cut_off_before_the_closing_fence_is_reported_as_cut_off() {
        assertThat(problems(ProcedureReplyReader.read("```json\n{\"steps\":[{\"action\":\"Open"))).containsExactly("the reply is cut off: the JSON ends before it is complete");
    }

    @Test void a_reply_without_json_says_so() {
        assertThat(problems(ProcedureReplyReader.read("I cannot help with that."))).singleElement().asString().contains("no JSON object");
    }

    @Test void a_missing_steps_array_and_non_object_steps_are_named() {
        assertThat(problems(ProcedureReplyReader.read("{\"procedure\":[]}"))).containsExactly("steps must be an array of steps");
        assertThat(problems(ProcedureReplyReader.read("{\"steps\":[\"Open the page\"]}")))
                .containsExactly("steps[0] must be an object with action, expectedResult and testData");
    }

    @Test void every_broken_rule_is_named_by_step_and_field() {
        String tooLong = "x".repeat(Step.MAX_TEXT_LENGTH + 1);
        String reply = "{\"steps\":[{\"action\":\"\",\"expectedResult\":\"ok\"},{\"action\":\"" + tooLong + "\",\"expectedResult\":{\"a\":1}}]}";

        assertThat(problems(ProcedureReplyReader.read(reply))).containsExactly("steps[1].expectedResult must be text");
        assertThat(problems(ProcedureReplyReader.read(reply.replace("{\"a\":1}", "\"\""))))
                .containsExactly("steps[0].action: blank", "steps[1].expectedResult: blank",
                        "steps[1].action: too_long [2000]");
    }

    @Test void more_than_fifty_steps_break_the_rules() {
        String step = "{\"action\":\"a\",\"expectedResult\":\"b\",\"testData\":\"\"}";
        String reply = "{\"steps\":[" + String.join(",", java.util.Collections.nCopies(51, step)) + "]}";

        assertThat(problems(ProcedureReplyReader.read(reply))).containsExactly("steps: too_many [50]");
    }

    @Test void numbers_count_as_text_and_test_data_is_kept() {
        var steps = steps(ProcedureReplyReader.read("{\"steps\":[{\"action\":\"Enter the amount\",\"expectedResult\":42,\"testData\":\"1000 JPY\"}]}"));

        assertThat(steps).containsExactly(new Step("Enter the amount", "42", Optional.of("1000 JPY")));
    }

    private static List<Step> steps(ProcedureReply reply) {
        assertThat(reply).isInstanceOf(ProcedureReply.Usable.class);
        return ((ProcedureReply.Usable) reply).procedure().steps();
    }

    private static List<String> problems(ProcedureReply reply) {
        assertThat(reply).isInstanceOf(ProcedureReply.Unusable.class);
        return ((ProcedureReply.Unusable) reply).problems();
    }
}
