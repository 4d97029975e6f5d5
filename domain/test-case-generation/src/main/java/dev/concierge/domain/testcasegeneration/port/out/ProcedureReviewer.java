package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.testcasegeneration.model.ModelFinding;
import dev.concierge.domain.testcasegeneration.model.Procedure;

import java.util.List;

/**
 * A second model pass that reads a procedure against its test case and says what is wrong (missing checks, steps that
 * do not match the case). Optional and off by default: it costs one more model call per generated procedure.
 */
public interface ProcedureReviewer {
    /** The findings, empty when the model found nothing. @throws ProcedureGenerator.GenerationUnavailable when no model answered */
    List<ModelFinding> review(ProcedureGenerator.Request testCase, Procedure procedure);
}
