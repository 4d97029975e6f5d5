package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.web.DateWording;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.TransportClass;

import java.util.List;
import java.util.Locale;

/**
 * Words what the trip-support domain reports as codes and figures (estimate lines, rules, violations) in the reader's
 * language: amounts with their currency sign and digit grouping, transport classes by their display names.
 */
public final class TripTexts {
    private final Messages messages;

    public TripTexts(Messages messages) { this.messages = messages; }

    /** {@code ¥14,000} in both languages; another currency after the figure ({@code 3,000 EUR}). */
    public static String money(long amount, String currency) {
        String number = String.format(Locale.ROOT, "%,d", amount);
        return "JPY".equals(currency) ? "¥" + number : number + " " + currency;
    }

    public String line(ExpenseEstimate.Phrase description) { return phrase("trips.estimate.", description); }

    public String rule(ExpenseEstimate.Phrase rule) { return phrase("trips.estimate.rule.", rule); }

    public String violation(ExpenseEstimate.Violation violation) {
        return messages.t("trips.violation." + violation.code(), figures(violation.args()));
    }

    public String travelClass(TransportClass travelClass) { return messages.t("trips.class." + travelClass.wireName()); }

    private String phrase(String prefix, ExpenseEstimate.Phrase phrase) {
        return messages.t(prefix + phrase.code(), figures(phrase.args()));
    }

    private Object[] figures(List<Object> args) { return args.stream().map(this::figure).toArray(); }

    private Object figure(Object arg) {
        return switch (arg) {
            case ExpenseEstimate.Money money -> money(money.amount(), money.currency());
            case TransportClass travelClass -> travelClass(travelClass);
            case List<?> list -> String.join(messages.language() == Language.JA ? "、" : ", ",
                    list.stream().map(this::figure).map(String::valueOf).toList());
            case Number number -> number; // MessageFormat groups and words it for the locale
            case java.time.LocalDate date -> DateWording.of(messages.language()).date(date);
            default -> String.valueOf(arg); // names the user typed
        };
    }
}
