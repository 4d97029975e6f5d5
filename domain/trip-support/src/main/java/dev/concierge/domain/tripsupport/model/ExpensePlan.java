package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.Characters;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the traveller expects to spend: the legs, the hotels, anything else. The estimate is computed from it. */
public record ExpensePlan(List<TransportLeg> transport, List<Lodging> lodging, List<OtherCost> other) {
    public static final long MAX_AMOUNT = 100_000_000L;

    public ExpensePlan {
        transport = List.copyOf(transport);
        lodging = List.copyOf(lodging);
        other = List.copyOf(other);
        if (transport.size() + lodging.size() + other.size() > 200) throw InvalidInput.field("plan", "must have at most 200 entries");
    }

    public static ExpensePlan empty() { return new ExpensePlan(List.of(), List.of(), List.of()); }

    public record TransportLeg(String from, String to, LocalDate date, TransportClass travelClass, long fare) {
        public TransportLeg {
            from = from == null ? "" : from.strip();
            to = to == null ? "" : to.strip();
            List<FieldError> problems = new ArrayList<>();
            if (from.isEmpty() || Characters.count(from) > 100) problems.add(FieldError.of("from", "must be 1 to 100 characters"));
            if (to.isEmpty() || Characters.count(to) > 100) problems.add(FieldError.of("to", "must be 1 to 100 characters"));
            if (date == null) problems.add(FieldError.of("date", "is required"));
            if (travelClass == null) problems.add(FieldError.of("travelClass", "is required"));
            if (fare < 0 || fare > MAX_AMOUNT) problems.add(FieldError.of("fare", "must be between 0 and " + MAX_AMOUNT));
            if (!problems.isEmpty()) throw new InvalidInput("The transport leg is not valid.", problems);
        }
    }

    public record Lodging(String city, int nights, long ratePerNight) {
        public Lodging {
            city = city == null ? "" : city.strip();
            List<FieldError> problems = new ArrayList<>();
            if (city.isEmpty() || Characters.count(city) > 100) problems.add(FieldError.of("city", "must be 1 to 100 characters"));
            if (nights < 1 || nights > 90) problems.add(FieldError.of("nights", "must be between 1 and 90"));
            if (ratePerNight < 0 || ratePerNight > MAX_AMOUNT) problems.add(FieldError.of("ratePerNight", "must be between 0 and " + MAX_AMOUNT));
            if (!problems.isEmpty()) throw new InvalidInput("The lodging is not valid.", problems);
        }
    }

    public record OtherCost(String description, long amount) {
        public OtherCost {
            description = description == null ? "" : description.strip();
            List<FieldError> problems = new ArrayList<>();
            if (description.isEmpty() || Characters.count(description) > 200) problems.add(FieldError.of("description", "must be 1 to 200 characters"));
            if (amount < 0 || amount > MAX_AMOUNT) problems.add(FieldError.of("amount", "must be between 0 and " + MAX_AMOUNT));
            if (!problems.isEmpty()) throw new InvalidInput("The cost is not valid.", problems);
        }
    }
}
