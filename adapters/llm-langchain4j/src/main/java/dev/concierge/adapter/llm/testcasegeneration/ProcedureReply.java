package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.Procedure;

import java.util.List;

/** What a model's answer turned out to be: a procedure that passes the rules, or the reasons it does not. */
sealed interface ProcedureReply {

    record Usable(Procedure procedure) implements ProcedureReply {}

    /** Each problem names the place and the rule, e.g. {@code steps[0].action must not be blank}. */
    record Unusable(List<String> problems) implements ProcedureReply {
        public Unusable { problems = List.copyOf(problems); }
    }
}
