package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.RevisionChange;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the English line stored as a revision's summary before the change was stored as figures
 * (test_case_generation V4), e.g. "step 2 changed; steps 5, 6 added", so older revisions keep reading the same way.
 * A line it does not recognise reads as no change.
 */
final class LegacyRevisionSummary {
    private static final Pattern FIRST = Pattern.compile("first procedure, (\\d+) steps?");
    private static final Pattern PART = Pattern.compile("(?:(\\d+) steps?|steps? ([\\d, ]+)) (changed|added|removed)");

    private LegacyRevisionSummary() {}

    static RevisionChange parse(String stored, int steps) {
        Matcher first = FIRST.matcher(stored);
        if (first.matches()) return new RevisionChange(true, Integer.parseInt(first.group(1)), List.of(), 0, List.of(), 0);
        List<Integer> changed = List.of();
        int changedCount = 0;
        List<Integer> added = List.of();
        int removed = 0;
        Matcher part = PART.matcher(stored);
        while (part.find()) {
            List<Integer> numbers = part.group(2) == null ? List.of() : numbers(part.group(2));
            int count = part.group(1) != null ? Integer.parseInt(part.group(1)) : numbers.size();
            switch (part.group(3)) {
                case "changed" -> { changed = numbers; changedCount = count; }
                case "added" -> added = numbers.isEmpty() ? range(steps - count + 1, steps) : numbers;
                default -> removed = count;
            }
        }
        return new RevisionChange(false, steps, changed, changedCount, added, removed);
    }

    private static List<Integer> numbers(String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String n : list.split(",")) if (!n.isBlank()) numbers.add(Integer.parseInt(n.strip()));
        return numbers;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = Math.max(1, from); i <= to; i++) numbers.add(i);
        return numbers;
    }
}
