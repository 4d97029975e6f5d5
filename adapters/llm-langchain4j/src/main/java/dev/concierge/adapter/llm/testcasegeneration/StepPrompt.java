package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;

/** What the model is told to rewrite one step: the case, the whole procedure for context, which step, and the reviewer's note. */
final class StepPrompt {
    private StepPrompt() {}

    static List<ChatMessage> firstAttempt(ProcedureGenerator.Request testCase, Procedure procedure, int step, String note) {
        return List.of(SystemMessage.from(system(testCase)), UserMessage.from(request(testCase, procedure, step, note)));
    }

    static List<ChatMessage> retry(ProcedureGenerator.Request testCase, Procedure procedure, int step, String note, String reply,
                                   List<String> problems) {
        List<ChatMessage> messages = new ArrayList<>(firstAttempt(testCase, procedure, step, note));
        messages.add(AiMessage.from(reply.isBlank() ? "(empty reply)" : reply));
        messages.add(UserMessage.from(ProcedurePrompt.feedback(problems, testCase.language())
                + " The \"steps\" array must hold exactly one step: the new step " + step + "."));
        return messages;
    }

    static String system(ProcedureGenerator.Request testCase) {
        return """
                You rewrite ONE step of a test procedure for software testers; the other steps stay as they are.

                Rules:
                - Answer with one JSON object only, no other text: {"steps":[{"action":"…","expectedResult":"…","testData":"…"}]}
                  holding exactly one step, the new wording of the step you are asked to rewrite.
                - One action per step. The expected result names what the tester observes (a message, a page, a value).
                - "testData" holds the concrete input values the step uses, or "" when it needs none.
                - Do not use "or", "etc." or vague words such as "appropriate"; no text longer than %d characters.
                - %s
                """.formatted(Step.MAX_TEXT_LENGTH, ProcedurePrompt.languageRule(testCase.language()));
    }

    static String request(ProcedureGenerator.Request testCase, Procedure procedure, int step, String note) {
        StringBuilder text = new StringBuilder(ProcedurePrompt.caseDescription(testCase)).append("\nThe current procedure:\n");
        for (int i = 0; i < procedure.steps().size(); i++) {
            Step s = procedure.steps().get(i);
            text.append(i + 1).append(". ").append(s.action()).append(" → ").append(s.expectedResult());
            s.testData().ifPresent(data -> text.append(" [").append(data).append("]"));
            text.append("\n");
        }
        text.append("\nRewrite step ").append(step).append(" only.");
        if (!note.isBlank()) text.append(" The reviewer's note on it:\n").append(note.strip());
        return text.append("\nAnswer with the new step ").append(step).append(" as JSON now.").toString();
    }
}
