package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.port.out.CaseGenerator;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the model is told to write test cases for a requirement, and — after an unusable reply — what was wrong. */
final class CasePrompt {
    /** Recorded with each generated revision; change it when the wording of the prompt changes. */
    static final String VERSION = "cases-v1";
    private static final int MAX_ECHOED_REPLY = 6_000;
    private static final int MAX_LISTED_PROBLEMS = 20;

    private CasePrompt() {}

    static List<ChatMessage> firstAttempt(CaseGenerator.Request request) {
        return List.of(SystemMessage.from(system(request.requirement().language()) + SuitePrompt.guidance(request.guidance())),
                UserMessage.from(requirement(request)));
    }

    static List<ChatMessage> retry(CaseGenerator.Request request, String unusableReply, List<String> problems) {
        List<ChatMessage> messages = new ArrayList<>(firstAttempt(request));
        String echoed = unusableReply.isBlank() ? "(empty reply)"
                : unusableReply.length() > MAX_ECHOED_REPLY ? unusableReply.substring(0, MAX_ECHOED_REPLY) + "…" : unusableReply;
        messages.add(AiMessage.from(echoed));
        StringBuilder text = new StringBuilder("Your reply could not be used as test cases:\n");
        problems.stream().limit(MAX_LISTED_PROBLEMS).forEach(p -> text.append("- ").append(p).append("\n"));
        if (problems.size() > MAX_LISTED_PROBLEMS) text.append("- and ").append(problems.size() - MAX_LISTED_PROBLEMS).append(" more\n");
        messages.add(UserMessage.from(text.append("Answer again with the complete JSON object {\"cases\":[…]} that follows every rule. ")
                .append(languageRule(request.requirement().language())).toString()));
        return messages;
    }

    static String system(Language language) {
        return """
                You write software test cases from a requirement and its acceptance criteria. Write test cases that \
                together verify every acceptance criterion: normal cases for the intended use, boundary cases at the \
                edges of allowed values, and error cases for invalid input or forbidden actions.

                Rules:
                - Answer with one JSON object only, no other text: {"cases":[{"kind":"normal|boundary|error","title":"…","preconditions":"…","expectedResult":"…","criteria":["AC1"],"steps":[{"action":"…","expectedResult":"…","testData":"…","criteria":["AC1"]}]}]}
                - "criteria" lists the codes of the acceptance criteria a case or a step verifies, as given; every step names at least one.
                - Each case has at least 1 and at most %d steps; "action" and "expectedResult" are never blank.
                - "testData" holds the concrete input values the step uses, or "" when it needs none.
                - No text may be longer than %d characters.
                - %s
                """.formatted(Procedure.MAX_STEPS, Step.MAX_TEXT_LENGTH, languageRule(language));
    }

    static String requirement(CaseGenerator.Request request) {
        Requirement r = request.requirement();
        StringBuilder text = new StringBuilder("Requirement ").append(r.reference()).append(": ").append(r.content().title()).append("\n");
        if (!r.content().description().isBlank()) text.append("\n").append(r.content().description()).append("\n");
        text.append("\nAcceptance criteria:\n");
        for (AcceptanceCriterion c : r.content().criteria()) text.append("- ").append(c.code()).append(": ").append(c.text()).append("\n");
        request.only().ifPresentOrElse(one -> text.append("\nWrite exactly 1 test case, a ").append(one.kind().wireName())
                        .append(" case replacing the earlier case \"").append(one.title()).append("\", verifying ")
                        .append(String.join(", ", one.criteria())).append(" as they read now.\n"),
                () -> text.append("\nWrite between 3 and 8 test cases: at least one normal, one boundary and one error case.\n"));
        return text.append("Write the test cases as JSON now.").toString();
    }

    private static String languageRule(Language language) {
        String english = language.locale().getDisplayLanguage(Locale.ENGLISH);
        String nativeName = language.locale().getDisplayLanguage(language.locale());
        return "Write every title, precondition, expected result, action and test data in " + english
                + (nativeName.equals(english) ? "" : " (" + nativeName + ")") + ": the cases MUST be in " + english + ".";
    }
}
