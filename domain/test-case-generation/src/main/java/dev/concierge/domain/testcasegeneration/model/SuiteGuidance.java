package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a suite tells the model beyond each case: its glossary, example procedures to follow (few-shot) and extra
 * instructions. Empty for a suite that set none.
 */
public record SuiteGuidance(List<GlossaryEntry> glossary, List<String> examples, String instructions) {
    public static final int MAX_GLOSSARY = 200;
    public static final int MAX_EXAMPLES = 5;
    public static final int MAX_EXAMPLE = 5_000;
    public static final int MAX_INSTRUCTIONS = 5_000;
    public static final SuiteGuidance NONE = new SuiteGuidance(List.of(), List.of(), "");

    public SuiteGuidance {
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
        examples = examples == null ? List.of() : examples.stream().map(e -> e == null ? "" : e.strip()).filter(e -> !e.isEmpty()).toList();
        instructions = instructions == null ? "" : instructions.strip();
        Validation problems = new Validation();
        problems.check(glossary.size() <= MAX_GLOSSARY, "glossary", Validation.TOO_MANY, MAX_GLOSSARY);
        Set<String> terms = new HashSet<>();
        for (GlossaryEntry entry : glossary) if (!terms.add(entry.term())) problems.add("glossary", Validation.DUPLICATE, entry.term());
        problems.texts("examples", examples, MAX_EXAMPLES, MAX_EXAMPLE);
        problems.maxLength("instructions", instructions, MAX_INSTRUCTIONS);
        problems.throwIfInvalid();
    }

    public boolean isEmpty() { return glossary.isEmpty() && examples.isEmpty() && instructions.isEmpty(); }
}
