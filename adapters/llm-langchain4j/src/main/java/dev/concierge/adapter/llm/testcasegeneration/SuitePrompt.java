package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.GlossaryEntry;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;

/** The suite's settings as the model reads them, appended to the system message of every generation in the suite. */
final class SuitePrompt {
    private SuitePrompt() {}

    static String guidance(SuiteGuidance guidance) {
        if (guidance.isEmpty()) return "";
        StringBuilder text = new StringBuilder();
        if (!guidance.glossary().isEmpty()) {
            text.append("\nGlossary of this test suite (use these terms exactly as written):\n");
            for (GlossaryEntry entry : guidance.glossary()) {
                text.append("- ").append(entry.term()).append(entry.meaning().isEmpty() ? "" : ": " + entry.meaning()).append("\n");
            }
        }
        if (!guidance.examples().isEmpty()) {
            text.append("\nExample procedures of this test suite. Follow their style, level of detail and wording:\n");
            for (int i = 0; i < guidance.examples().size(); i++) {
                text.append("<example ").append(i + 1).append(">\n").append(guidance.examples().get(i)).append("\n</example>\n");
            }
        }
        if (!guidance.instructions().isEmpty()) {
            text.append("\nInstructions of this test suite:\n").append(guidance.instructions()).append("\n");
        }
        return text.toString();
    }
}
