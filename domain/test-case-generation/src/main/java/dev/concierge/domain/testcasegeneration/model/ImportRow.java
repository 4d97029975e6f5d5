package dev.concierge.domain.testcasegeneration.model;

import java.util.List;

/** One row of an imported file, as read (line number for error messages; values not yet validated). */
public record ImportRow(int line, String key, String title, String preconditions, String expectedResult,
                        String requirementReference, String requirementText, String priority, List<String> tags) {
}
