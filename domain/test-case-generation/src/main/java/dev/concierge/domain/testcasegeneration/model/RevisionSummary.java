package dev.concierge.domain.testcasegeneration.model;

import java.util.ArrayList;
import java.util.List;

/** Says in a line what changed between two procedures, e.g. "step 2 changed; step 5 added". */
final class RevisionSummary {
    private RevisionSummary() {}

    static String between(Procedure before, Procedure after) {
        List<String> parts = new ArrayList<>();
        List<Step> a = before.steps();
        List<Step> b = after.steps();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) if (!a.get(i).equals(b.get(i))) changed.add(i + 1);
        if (!changed.isEmpty()) parts.add(plural("step", changed) + " changed");
        if (b.size() > a.size()) parts.add(plural("step", range(a.size() + 1, b.size())) + " added");
        if (a.size() > b.size()) parts.add((a.size() - b.size()) + (a.size() - b.size() == 1 ? " step" : " steps") + " removed");
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) numbers.add(i);
        return numbers;
    }

    private static String plural(String noun, List<Integer> numbers) {
        if (numbers.size() > 6) return numbers.size() + " " + noun + "s";
        String list = String.join(", ", numbers.stream().map(String::valueOf).toList());
        return numbers.size() == 1 ? noun + " " + list : noun + "s " + list;
    }
}
