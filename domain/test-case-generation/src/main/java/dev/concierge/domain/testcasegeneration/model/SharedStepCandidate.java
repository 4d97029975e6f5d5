package dev.concierge.domain.testcasegeneration.model;

import java.util.List;

/**
 * A run of consecutive steps that several cases repeat (identical up to width, case, spaces and punctuation): a
 * candidate for a shared step. {@code steps} as the first case writes them; {@code cases} ordered by key.
 */
public record SharedStepCandidate(List<Step> steps, List<CaseRef> cases) {
    public SharedStepCandidate {
        steps = List.copyOf(steps);
        cases = List.copyOf(cases);
    }
}
