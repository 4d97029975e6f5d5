package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.testcasegeneration.model.CaseKind;
import dev.concierge.domain.testcasegeneration.model.GeneratedCase;
import dev.concierge.domain.testcasegeneration.model.Provenance;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes test cases with their procedures for a requirement, in its language: several (normal, boundary, error) or,
 * to regenerate one case, exactly one. Every case and step names the criteria it verifies; the result always passes
 * {@link GeneratedCase#problems} (an implementation retries invalid output with the problems fed back, a bounded number
 * of times).
 *
 * @throws ProcedureGenerator.GenerationUnavailable when no model answered in time
 * @throws ProcedureGenerator.GenerationFailed when the model kept producing cases that break the rules
 */
public interface CaseGenerator {
    Generated generate(Request request);

    /** {@code only}: regenerate this one case (its kind, title and criteria) instead of writing a new set. */
    record Request(Requirement requirement, SuiteGuidance guidance, Optional<OneCase> only) {
        public Request {
            Objects.requireNonNull(requirement, "requirement");
            Objects.requireNonNull(guidance, "guidance");
            Objects.requireNonNull(only, "only");
        }

        public int expected() { return only.isPresent() ? 1 : GeneratedCase.MAX_CASES; }
    }

    record OneCase(CaseKind kind, String title, List<String> criteria) {
        public OneCase { criteria = List.copyOf(criteria); }
    }

    record Generated(List<GeneratedCase> cases, Provenance provenance) {
        public Generated { cases = List.copyOf(cases); }
    }
}
