package dev.concierge.domain.testcasegeneration.model;

import java.util.List;

/**
 * One test case of an imported file, as read (line number for error messages; values not yet validated). Files from
 * TestRail or Xray carry the case's steps too; they become its procedure.
 */
public record ImportRow(int line, String key, String title, String preconditions, String expectedResult,
                        String requirementReference, String requirementText, String priority, List<String> tags, List<Step> steps) {
    public ImportRow {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A row without steps. */
    public ImportRow(int line, String key, String title, String preconditions, String expectedResult,
                     String requirementReference, String requirementText, String priority, List<String> tags) {
        this(line, key, title, preconditions, expectedResult, requirementReference, requirementText, priority, tags, List.of());
    }
}
