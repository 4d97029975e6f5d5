package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;

/** What the model is told about a case, the same for a whole procedure, one step, or a review. */
final class GenerationRequests {
    private GenerationRequests() {}

    static ProcedureGenerator.Request of(TestCase testCase) {
        var content = testCase.content();
        return new ProcedureGenerator.Request(content.key().value(), content.title(), content.preconditions(), content.expectedResult(),
                content.requirementReference(), content.requirementText(), content.language(), testCase.reviewerFeedback());
    }
}
