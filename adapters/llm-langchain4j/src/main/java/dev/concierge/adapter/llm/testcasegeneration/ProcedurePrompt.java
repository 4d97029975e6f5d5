package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the model is told: the task and its rules, the test case, and — after an unusable reply — what was wrong with it. */
final class ProcedurePrompt {
    /** Recorded with each generated revision; change it when the wording of the prompt changes. */
    static final String VERSION = "procedure-v2";
    /** Enough of a bad reply for the model to see its mistake, without resending a runaway answer in full. */
    private static final int MAX_ECHOED_REPLY = 4_000;
    private static final int MAX_LISTED_PROBLEMS = 20;

    private ProcedurePrompt() {}

    static List<ChatMessage> firstAttempt(ProcedureGenerator.Request request) {
        return List.of(SystemMessage.from(system(request.language()) + SuitePrompt.guidance(request.guidance())),
                UserMessage.from(testCase(request)));
    }

    /** The first attempt, the model's unusable reply and the problems with it, so the next reply can fix them. */
    static List<ChatMessage> retry(ProcedureGenerator.Request request, String unusableReply, List<String> problems) {
        List<ChatMessage> messages = new ArrayList<>(firstAttempt(request));
        String echoed = unusableReply.isBlank() ? "(empty reply)"
                : unusableReply.length() > MAX_ECHOED_REPLY ? unusableReply.substring(0, MAX_ECHOED_REPLY) + "…" : unusableReply;
        messages.add(AiMessage.from(echoed));
        messages.add(UserMessage.from(feedback(problems, request.language())));
        return messages;
    }

    static String system(Language language) {
        return """
                You write test procedures for software testers. Given a test case, write the ordered steps a tester \
                performs to verify it: start from the preconditions and end by checking the expected result.

                Rules:
                - Answer with one JSON object only, no other text: {"steps":[{"action":"…","expectedResult":"…","testData":"…"}]}
                - At least 1 step and at most %d steps.
                - "action" is what the tester does; "expectedResult" is what the tester should observe. Neither may be blank.
                - "testData" holds the concrete input values the step uses, or "" when it needs none.
                - No text may be longer than %d characters.
                - %s
                """.formatted(Procedure.MAX_STEPS, Step.MAX_TEXT_LENGTH, languageRule(language));
    }

    static String testCase(ProcedureGenerator.Request request) {
        return caseDescription(request) + "\nWrite the procedure as JSON now.";
    }

    /** The test case as the model reads it, with a reviewer's feedback when there is some. */
    static String caseDescription(ProcedureGenerator.Request request) {
        StringBuilder text = new StringBuilder()
                .append("Test case ").append(request.key()).append(": ").append(request.title()).append("\n\n")
                .append("Preconditions:\n").append(orNone(request.preconditions())).append("\n\n")
                .append("Expected result:\n").append(orNone(request.expectedResult())).append("\n\n")
                .append("Requirement").append(request.requirementReference().isBlank() ? "" : " " + request.requirementReference().strip())
                .append(":\n").append(orNone(request.requirementText())).append("\n");
        request.reviewerFeedback().filter(f -> !f.isBlank()).ifPresent(feedback -> text
                .append("\nA reviewer rejected the previous procedure for this test case. The new procedure must address their feedback:\n")
                .append(feedback.strip()).append("\n"));
        return text.toString();
    }

    static String feedback(List<String> problems, Language language) {
        StringBuilder text = new StringBuilder("Your reply could not be used as a procedure:\n");
        problems.stream().limit(MAX_LISTED_PROBLEMS).forEach(problem -> text.append("- ").append(problem).append("\n"));
        if (problems.size() > MAX_LISTED_PROBLEMS) text.append("- and ").append(problems.size() - MAX_LISTED_PROBLEMS).append(" more\n");
        return text.append("Answer again with the complete procedure as one JSON object {\"steps\":[…]} that follows every rule. ")
                .append(languageRule(language)).toString();
    }

    static String languageRule(Language language) {
        String english = language.locale().getDisplayLanguage(Locale.ENGLISH);
        String nativeName = language.locale().getDisplayLanguage(language.locale());
        return "Write every action, expected result and test data in " + english
                + (nativeName.equals(english) ? "" : " (" + nativeName + ")")
                + ": the steps MUST be in " + english + ", whatever language the test case uses.";
    }

    private static String orNone(String text) { return text.isBlank() ? "(none)" : text.strip(); }
}
