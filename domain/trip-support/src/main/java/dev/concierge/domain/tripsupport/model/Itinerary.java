package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.InvalidInput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The trip day by day, in time order. A draft from the assistant until the user edits or accepts it. */
public record Itinerary(List<ItineraryItem> items, Source source) {
    public static final int MAX_ITEMS = 300;

    public enum Source {
        ASSISTANT_DRAFT, USER;

        public String wireName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    public Itinerary {
        items = items.stream().sorted(Comparator.comparing(ItineraryItem::date).thenComparing(ItineraryItem::start)).toList();
        if (items.size() > MAX_ITEMS) throw InvalidInput.field("items", Validation.TOO_MANY, MAX_ITEMS);
    }

    public static Itinerary empty() { return new Itinerary(List.of(), Source.USER); }

    /** Every item must fall on a day of the trip. */
    public void requireWithin(TripDetails trip) {
        Validation problems = new Validation();
        for (int i : outside(trip)) problems.add("items[" + i + "].date", Validation.OUTSIDE, trip.startDate(), trip.endDate());
        problems.throwIfInvalid();
    }

    /** Indexes of the items on no day of the trip: what {@link #requireWithin} refuses and {@link ItineraryRules} reports. */
    public List<Integer> outside(TripDetails trip) {
        List<Integer> outside = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) if (!trip.covers(items.get(i).date())) outside.add(i);
        return outside;
    }
}
