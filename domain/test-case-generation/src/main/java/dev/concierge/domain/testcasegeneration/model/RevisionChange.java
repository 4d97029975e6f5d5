package dev.concierge.domain.testcasegeneration.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a revision changed compared with the one before, as figures a page words in its reader's language:
 * the first procedure and its size, or the steps changed, added and removed.
 *
 * @param changed the numbers of the changed steps, or empty with {@code changedCount} alone when there were many
 */
public record RevisionChange(boolean first, int steps, List<Integer> changed, int changedCount, List<Integer> added,
                             int removed) {
    private static final Pattern FIRST = Pattern.compile("first procedure, (\\d+) steps?");
    private static final Pattern PART = Pattern.compile("(?:(\\d+) steps?|steps? ([\\d, ]+)) (changed|added|removed)");

    public RevisionChange {
        changed = List.copyOf(changed);
        added = List.copyOf(added);
    }

    public static RevisionChange firstOf(Procedure procedure) {
        return new RevisionChange(true, procedure.steps().size(), List.of(), 0, List.of(), 0);
    }

    public static RevisionChange between(Procedure before, Procedure after) {
        List<Step> a = before.steps();
        List<Step> b = after.steps();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) if (!a.get(i).equals(b.get(i))) changed.add(i + 1);
        List<Integer> added = new ArrayList<>();
        for (int i = a.size() + 1; i <= b.size(); i++) added.add(i);
        return new RevisionChange(false, b.size(), changed, changed.size(), added, Math.max(0, a.size() - b.size()));
    }

    public boolean none() { return !first && changedCount == 0 && added.isEmpty() && removed == 0; }

    /**
     * Reads the line {@link RevisionSummary} stored with a revision (it stays the stored form, so older revisions
     * read the same way); a line it does not recognise reads as no change.
     */
    public static RevisionChange parse(String stored, int steps) {
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
