package dev.concierge.domain.testcasegeneration.model;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A suite as it is exported: the suite, how many cases it has, and its cases ordered by key (those with a procedure
 * carry it). The cases are read a page at a time while they are written, so a suite of any size is exported with
 * flat memory; cases changed during the export show as they were when their page was read.
 */
public record SuiteExport(Suite suite, long caseCount, Cases cases) {
    public SuiteExport {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(cases, "cases");
    }

    @FunctionalInterface
    public interface Cases {
        void forEach(Consumer<TestCase> action);
    }
}
