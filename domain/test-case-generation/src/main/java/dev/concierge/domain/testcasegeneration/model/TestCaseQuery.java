package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.PageRequest;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Which cases of a suite to list: by state, by words in key/title/requirement, one page. */
public record TestCaseQuery(SuiteId suite, Set<CaseStatus> statuses, Optional<String> search, PageRequest page) {
    public TestCaseQuery {
        Objects.requireNonNull(suite, "suite");
        statuses = Set.copyOf(statuses);
        search = search.map(String::strip).filter(s -> !s.isEmpty());
        if (search.map(Validation::length).orElse(0) > 200) throw InvalidInput.field("q", Validation.TOO_LONG, 200);
        Objects.requireNonNull(page, "page");
    }
}
