package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Provenance;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;

import java.util.Objects;
import java.util.Optional;

/**
 * Writes a step-by-step procedure for a test case, in the test case's language. The result always passes the
 * procedure rules ({@link Procedure} validates itself); an implementation retries invalid model output with the
 * validation problems fed back, a bounded number of times.
 */
public interface ProcedureGenerator {

    /**
     * @throws GenerationUnavailable when no model answered in time (transient: retry later with backoff)
     * @throws GenerationFailed when the model kept producing procedures that break the rules (a person must act)
     */
    Procedure generate(Request request);

    /** The procedure with how it was made; an implementation that cannot tell answers without provenance. */
    default Generated generateWithProvenance(Request request) { return new Generated(generate(request), Optional.empty()); }

    record Generated(Procedure procedure, Optional<Provenance> provenance) {
        public Generated {
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(provenance, "provenance");
        }
    }

    /**
     * What the model is told about the test case; {@code reviewerFeedback} is a reviewer's reason for rejecting the last
     * one; {@code guidance} the suite's glossary, examples and instructions.
     */
    record Request(String key, String title, String preconditions, String expectedResult, String requirementReference,
                   String requirementText, Language language, Optional<String> reviewerFeedback, SuiteGuidance guidance) {
        public Request(String key, String title, String preconditions, String expectedResult, String requirementReference,
                       String requirementText, Language language, Optional<String> reviewerFeedback) {
            this(key, title, preconditions, expectedResult, requirementReference, requirementText, language, reviewerFeedback,
                    SuiteGuidance.NONE);
        }

        public Request {
            guidance = Objects.requireNonNullElse(guidance, SuiteGuidance.NONE);
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(language, "language");
            preconditions = Objects.requireNonNullElse(preconditions, "");
            expectedResult = Objects.requireNonNullElse(expectedResult, "");
            requirementReference = Objects.requireNonNullElse(requirementReference, "");
            requirementText = Objects.requireNonNullElse(requirementText, "");
            reviewerFeedback = Objects.requireNonNullElse(reviewerFeedback, Optional.empty());
        }
    }

    /** Transient: the model is unreachable, overloaded or timed out. The message says what to start or set. */
    final class GenerationUnavailable extends Unavailable {
        public GenerationUnavailable(String message) { super("llm_unavailable", message); }
    }

    /** Permanent for this attempt: the model's output kept breaking the rules; the message is the reason a person reads. */
    final class GenerationFailed extends RuntimeException {
        public GenerationFailed(String message) { super(message); }
    }
}
