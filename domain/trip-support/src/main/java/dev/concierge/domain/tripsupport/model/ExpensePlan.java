package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.InvalidInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the traveller expects to spend: the legs, the hotels, anything else. The estimate is computed from it. */
public record ExpensePlan(List<TransportLeg> transport, List<Lodging> lodging, List<OtherCost> other) {
    public static final int MAX_ENTRIES = 200;
    public static final long MAX_AMOUNT = 100_000_000L;

    public ExpensePlan {
        transport = List.copyOf(transport);
        lodging = List.copyOf(lodging);
        other = List.copyOf(other);
        if (transport.size() + lodging.size() + other.size() > MAX_ENTRIES) throw InvalidInput.field("plan", Validation.TOO_MANY, MAX_ENTRIES);
    }

    public static ExpensePlan empty() { return new ExpensePlan(List.of(), List.of(), List.of()); }

    /** An ISO currency code, or empty for the policy's own currency (yen by default). */
    static String currencyCode(String code, Validation problems) {
        String cleaned = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!cleaned.isEmpty() && !cleaned.matches("[A-Z]{3}")) problems.add("currency", Validation.FORMAT, "ISO 4217 (USD, EUR)");
        return cleaned;
    }

    /** {@code fare} in whole units of {@code currency} (empty: the policy's currency). */
    public record TransportLeg(String from, String to, LocalDate date, TransportClass travelClass, long fare, String currency) {
        public TransportLeg(String from, String to, LocalDate date, TransportClass travelClass, long fare) {
            this(from, to, date, travelClass, fare, "");
        }

        public TransportLeg {
            from = from == null ? "" : from.strip();
            to = to == null ? "" : to.strip();
            Validation problems = new Validation();
            if (from.isEmpty() || Validation.length(from) > 100) problems.add("from", Validation.LENGTH, 1, 100);
            if (to.isEmpty() || Validation.length(to) > 100) problems.add("to", Validation.LENGTH, 1, 100);
            if (date == null) problems.add("date", Validation.REQUIRED);
            if (travelClass == null) problems.add("travelClass", Validation.REQUIRED);
            if (fare < 0 || fare > MAX_AMOUNT) problems.add("fare", Validation.RANGE, 0, MAX_AMOUNT);
            currency = currencyCode(currency, problems);
            problems.throwIfInvalid();
        }
    }

    /** {@code ratePerNight} in whole units of {@code currency} (empty: the policy's currency), as the hotel prices it. */
    public record Lodging(String city, int nights, long ratePerNight, String currency) {
        public Lodging(String city, int nights, long ratePerNight) { this(city, nights, ratePerNight, ""); }

        public Lodging {
            city = city == null ? "" : city.strip();
            Validation problems = new Validation();
            if (city.isEmpty() || Validation.length(city) > 100) problems.add("city", Validation.LENGTH, 1, 100);
            if (nights < 1 || nights > 90) problems.add("nights", Validation.RANGE, 1, 90);
            if (ratePerNight < 0 || ratePerNight > MAX_AMOUNT) problems.add("ratePerNight", Validation.RANGE, 0, MAX_AMOUNT);
            currency = currencyCode(currency, problems);
            problems.throwIfInvalid();
        }
    }

    public record OtherCost(String description, long amount, String currency) {
        public OtherCost(String description, long amount) { this(description, amount, ""); }

        public OtherCost {
            description = description == null ? "" : description.strip();
            Validation problems = new Validation();
            if (description.isEmpty() || Validation.length(description) > 200) problems.add("description", Validation.LENGTH, 1, 200);
            if (amount < 0 || amount > MAX_AMOUNT) problems.add("amount", Validation.RANGE, 0, MAX_AMOUNT);
            currency = currencyCode(currency, problems);
            problems.throwIfInvalid();
        }
    }
}
