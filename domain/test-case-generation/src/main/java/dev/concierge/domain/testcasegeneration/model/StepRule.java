package dev.concierge.domain.testcasegeneration.model;

import java.util.Locale;

/**
 * What a good step is, as checks a machine can make the same way every time. Each finding of a rule names the step,
 * the field and the figures (the word found, a length and its limit); a page words them for its reader.
 */
public enum StepRule {
    /** (): the action asks the tester to do more than one thing ("enter … and then click …", "入力して、押す"). */
    ONE_ACTION,
    /** (phrase or ""): the expected result names nothing a tester can see ("works correctly", "正常に動作する"). */
    OBSERVABLE_RESULT,
    /** (): the case names inputs and this step enters one, but gives no concrete value. */
    CONCRETE_DATA,
    /** (word): a word that leaves the tester to choose ("or", "etc.", "適切な", "または"). */
    UNAMBIGUOUS,
    /** (length, limit): longer than a step a tester reads at a glance. */
    LENGTH;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    /** How many points of a step's 100 one finding of this rule costs. */
    public int penalty() {
        return switch (this) {
            case ONE_ACTION, OBSERVABLE_RESULT -> 30;
            case CONCRETE_DATA, UNAMBIGUOUS -> 20;
            case LENGTH -> 10;
        };
    }
}
