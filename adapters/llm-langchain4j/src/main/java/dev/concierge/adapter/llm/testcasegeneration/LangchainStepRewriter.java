package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.StepRewriter;

import java.util.List;

/**
 * One step rewritten by the model in the procedure schema (a one-step procedure), through the generator's retry loop:
 * the same rules, the same bounded calls, the same failures.
 */
final class LangchainStepRewriter implements StepRewriter {
    private final LangchainProcedureGenerator generator;

    LangchainStepRewriter(LangchainProcedureGenerator generator) { this.generator = generator; }

    @Override public Step rewrite(ProcedureGenerator.Request testCase, Procedure procedure, int step, String note) {
        Procedure answer = generator.generate(testCase.key() + " step " + step, StepPrompt.firstAttempt(testCase, procedure, step, note),
                (reply, problems) -> StepPrompt.retry(testCase, procedure, step, note, reply, problems),
                one -> one.steps().size() == 1 ? List.of()
                        : List.of("steps must hold exactly one step (the new step " + step + "), not " + one.steps().size()));
        return answer.steps().getFirst();
    }
}
