package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Step;

/**
 * Rewrites one step of a procedure with the model, keeping the others as they are: the model sees the case, the whole
 * procedure and the reviewer's note, and answers one step that passes the procedure rules.
 */
public interface StepRewriter {
    /**
     * @param step which step to rewrite, from 1
     * @throws ProcedureGenerator.GenerationUnavailable when no model answered in time
     * @throws ProcedureGenerator.GenerationFailed when the model kept answering unusable steps
     */
    Step rewrite(ProcedureGenerator.Request testCase, Procedure procedure, int step, String note);
}
