package dev.concierge.domain.testcasegeneration.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a revision changed compared with the one before, as figures a page words in its reader's language (stored
 * as such, never as a sentence): the first procedure and its size, or the steps changed, added and removed.
 *
 * @param changed the numbers of the changed steps, or empty with {@code changedCount} alone when there were many
 */
public record RevisionChange(boolean first, int steps, List<Integer> changed, int changedCount, List<Integer> added,
                             int removed) {
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
}
