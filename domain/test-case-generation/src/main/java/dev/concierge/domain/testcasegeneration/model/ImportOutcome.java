package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.FieldError;

import java.util.List;
import java.util.Objects;

/**
 * What an import did — or, for a validate-only preview, would do: the counts, what happens to each row, and every
 * problem by line. A preview changes nothing and keeps no file; an import with problems imports nothing.
 */
public record ImportOutcome(boolean preview, ImportMode mode, ImportReport counts, int skipped, List<RowOutcome> rows,
                            List<FieldError> problems) {
    public ImportOutcome {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(counts, "counts");
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** What happens to one row: {@code created}, {@code updated}, {@code unchanged}, {@code locked} (approved or in flight), {@code skipped} (the mode leaves it), {@code invalid}. */
    public record RowOutcome(int line, String key, String action, int steps) {}
}
