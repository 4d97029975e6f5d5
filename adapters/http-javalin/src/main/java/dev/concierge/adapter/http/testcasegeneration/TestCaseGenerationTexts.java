package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.RevisionChange;
import dev.concierge.domain.testcasegeneration.model.TestCase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Test-case generation's words for what the domain keeps as codes and figures — states, priorities, why a generation
 * failed, what a revision changed, how long is left — in one reader's language, from the context's bundle.
 */
public record TestCaseGenerationTexts(Messages messages) {
    public static TestCaseGenerationTexts of(Language language) { return new TestCaseGenerationTexts(Messages.of(language)); }

    public Language language() { return messages.language(); }

    public String t(String key, Object... args) { return messages.t(key, args); }

    public String status(CaseStatus status) { return t("tcg.status." + status.wireName()); }

    public String priority(Priority priority) { return t("tcg.priority." + priority.wireName()); }

    public String job(JobState state) { return t("tcg.job." + state.wireName()); }

    /** Why the case's last generation failed, for its reader; a reason stored before codes reads as the general one. */
    public Optional<String> failure(TestCase testCase) {
        if (testCase.failureReason().isEmpty()) return Optional.empty();
        return Optional.of(testCase.failure().map(f -> t("tcg.failure." + f.wireName())).orElseGet(() -> t("tcg.failure.unexpected")));
    }

    /** The reviewer's words, or ours when they gave none. */
    public Optional<String> feedback(TestCase testCase) {
        return testCase.reviewerFeedback().map(f -> f.equals(TestCase.REJECTED_WITHOUT_REASON) ? t("tcg.case.rejectedWithoutReason") : f);
    }

    /** What a revision changed, e.g. "手順 2 を変更、手順 5 を追加". */
    public String change(ProcedureRevision revision) {
        RevisionChange change = revision.change();
        if (change.first()) return t("tcg.revision.first", change.steps());
        if (change.none()) return t("tcg.revision.none");
        List<String> parts = new ArrayList<>();
        if (change.changedCount() > 0) {
            // More than a handful of numbers reads worse than their count.
            parts.add(change.changed().isEmpty() || change.changed().size() > 6 ? t("tcg.revision.changedCount", change.changedCount())
                    : t("tcg.revision.changed", numbers(change.changed())));
        }
        if (!change.added().isEmpty()) parts.add(t("tcg.revision.added", numbers(change.added())));
        if (change.removed() > 0) parts.add(t("tcg.revision.removed", change.removed()));
        return String.join(t("tcg.list.separator"), parts);
    }

    /** A refusal in the reader's words, as the error mapping words it (by code, narrowed by the exception's class). */
    public String refusal(dev.concierge.domain.kernel.DomainException e) {
        String key = "error.code." + e.code();
        String specific = key + "." + e.getClass().getSimpleName();
        if (!t(specific).equals(specific)) return t(specific);
        return t(key).equals(key) ? e.getMessage() : t(key);
    }

    /** A duration as a person reads an estimate: seconds under a minute, then minutes, then hours and minutes. */
    public String duration(Duration left) {
        long seconds = Math.max(0, (long) Math.ceil(left.toMillis() / 1000.0));
        if (seconds < 60) return t("tcg.duration.seconds", seconds);
        long minutes = Math.round(seconds / 60.0);
        return minutes < 60 ? t("tcg.duration.minutes", minutes) : t("tcg.duration.hours", minutes / 60, minutes % 60);
    }

    private String numbers(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(t("tcg.list.separator")));
    }
}
