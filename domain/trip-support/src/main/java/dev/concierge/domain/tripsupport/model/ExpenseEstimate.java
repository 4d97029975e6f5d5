package dev.concierge.domain.tripsupport.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The estimate the domain computes (never the model): each line with its rule, the total, and every violation. Lines,
 * rules and violations are codes with their figures ({@link Phrase}), never sentences: the driving adapter words them
 * in the reader's language.
 */
public record ExpenseEstimate(String currency, List<Line> lines, long total, List<Violation> violations,
                              boolean approvalRequired, long approvalThreshold) {
    public ExpenseEstimate {
        lines = List.copyOf(lines);
        violations = List.copyOf(violations);
    }

    public enum Category {
        LODGING, LODGING_ALLOWANCE, PER_DIEM, TRANSPORT, OTHER;

        public String wireName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    /** An amount of money; the adapter writes it with its currency sign and digit grouping. */
    public record Money(long amount, String currency) {
        public Money { Objects.requireNonNull(currency, "currency"); }
    }

    /**
     * What a line, rule or violation says, as a stable code and its figures (texts the user typed, {@link Money},
     * numbers, dates, {@link TransportClass}es, or a list of them).
     */
    public record Phrase(String code, List<Object> args) {
        public Phrase {
            Objects.requireNonNull(code, "code");
            args = List.copyOf(args);
        }

        public static Phrase of(String code, Object... args) { return new Phrase(code, Arrays.asList(args)); }
    }

    /** Codes of lines ({@code per_diem}, {@code lodging}, {@code transport}, {@code other}) and rules. */
    public static final class Codes {
        /** (days, daily allowance): every day of the trip at one rate. */
        public static final String PER_DIEM = "per_diem";
        /** (city, nights, rate per night). */
        public static final String LODGING = "lodging";
        /** (nights, allowance per night). */
        public static final String LODGING_ALLOWANCE = "lodging_allowance";
        /** Rule (allowance per night, grade). */
        public static final String RULE_LODGING_ALLOWANCE = "lodging_allowance_rate";
        /** Rule (currency): an amount in another currency is converted at the policy's dated rate. */
        public static final String RULE_EXCHANGE_RATE = "exchange_rate";
        /** Rule (minimum distance in km): closer than this is not a business trip, so no allowances. */
        public static final String RULE_MIN_DISTANCE = "min_trip_distance";
        /** (from, to, transport class, date). */
        public static final String TRANSPORT = "transport";
        /** (description the user wrote). */
        public static final String OTHER = "other";
        /** Rule (daily allowance, city class, the city that sets it). */
        public static final String RULE_PER_DIEM = "per_diem_rate";
        /** Rule (cap per night, city class). */
        public static final String RULE_LODGING_CAP = "lodging_cap";
        /** Rule (list of the allowed transport classes). */
        public static final String RULE_ALLOWED_TRANSPORT = "allowed_transport";
        /** Rule (): other costs need receipts. */
        public static final String RULE_RECEIPTS = "receipts";
        /** Rule (): lodging only for the nights of the trip. */
        public static final String RULE_LODGING_WITHIN_TRIP = "lodging_within_trip";
        /** Rule (): transport only on the days of the trip. */
        public static final String RULE_TRANSPORT_WITHIN_TRIP = "transport_within_trip";

        private Codes() {}
    }

    /**
     * One cost: what, how much in the policy's currency, the rule that produced or bounds it, and, for a cost priced in
     * another currency, that amount and the rate that converted it.
     */
    public record Line(Category category, Phrase description, long amount, Phrase rule, Optional<Foreign> foreign) {
        public Line(Category category, Phrase description, long amount, Phrase rule) { this(category, description, amount, rule, Optional.empty()); }

        public Line { Objects.requireNonNull(foreign, "foreign"); }
    }

    /** A cost as priced abroad, and the dated rate that converted it. */
    public record Foreign(Money amount, java.math.BigDecimal rate, java.time.LocalDate rateSince) {}

    /**
     * A broken rule: a stable code ({@code lodging_over_cap} (city, rate, cap), {@code lodging_exceeds_trip} (nights
     * planned, nights of the trip), {@code transport_class_not_allowed} (class, from, to), {@code transport_outside_trip}
     * (from, to, date), {@code no_exchange_rate} (currency, date)) with its figures, the rule, and which line (index into lines) breaks it, or -1.
     */
    public record Violation(String code, Phrase rule, List<Object> args, int line) {
        public Violation { args = List.copyOf(args); }

        /**
         * Names this violation for a justification, e.g. {@code lodging_over_cap@1}: the same plan gives the same key,
         * and a changed plan gives keys a stale justification no longer matches.
         */
        public String key() { return code + "@" + line; }
    }
}
