package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.BadRequest;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.tripsupport.TripViews.ExpensePlanRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.ItineraryItemRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.ItineraryRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.TripRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.VisitRequest;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.TransportClass;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.kernel.Validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Request bodies to domain values. The domain validates; this adds what JSON alone cannot say (a missing number, a
 * missing version) and names a failing list entry by its position ({@code items[2].title}) so a form can show the
 * message next to the right field.
 */
final class TripInput {
    private TripInput() {}

    static TripDetails trip(TripRequest body) {
        return new TripDetails(body.title(), body.purpose(), body.origin(), body.destinations(), body.startDate(), body.endDate());
    }

    static VisitDetails visit(VisitRequest body) {
        Validation problems = new Validation();
        Optional<VisitDetails> details = problems.nested("", () -> new VisitDetails(body.company(), body.contacts(), body.location(),
                body.startsAt(), body.durationMinutes() == null ? Duration.ofMinutes(60) : Duration.ofMinutes(body.durationMinutes()),
                body.agenda(), body.notes()));
        problems.required(body.durationMinutes(), "durationMinutes").throwIfInvalid();
        return details.orElseThrow();
    }

    static long version(Long version) {
        if (version == null) throw Params.invalid("version", Validation.REQUIRED); // the version last read: no lost update
        return version;
    }

    static Itinerary itinerary(ItineraryRequest body) {
        // An empty list clears the itinerary; a missing one is a mistake, not a request to wipe it.
        if (body.items() == null) throw Params.invalid("items", Params.REQUIRED_LIST);
        List<ItineraryItemRequest> items = body.items();
        if (items.size() > Itinerary.MAX_ITEMS) throw Params.invalid("items", Validation.TOO_MANY, Itinerary.MAX_ITEMS);
        List<ItineraryItem> parsed = new ArrayList<>();
        Validation problems = new Validation();
        for (int i = 0; i < items.size(); i++) {
            ItineraryItemRequest item = Objects.requireNonNullElse(items.get(i), new ItineraryItemRequest(null, null, null, null, null, null, null));
            problems.nested("items[" + i + "].", () -> new ItineraryItem(item.date(), item.start(), Optional.ofNullable(item.end()),
                    item.kind() == null ? null : ItineraryKind.parse(item.kind()), item.title(), item.place(), item.notes()))
                    .ifPresent(parsed::add);
        }
        problems.throwIfInvalid();
        return new Itinerary(parsed, Itinerary.Source.USER);
    }

    static ExpensePlan plan(ExpensePlanRequest body) {
        Validation problems = new Validation();
        List<ExpensePlan.TransportLeg> transport = new ArrayList<>();
        List<ExpensePlan.Lodging> lodging = new ArrayList<>();
        List<ExpensePlan.OtherCost> other = new ArrayList<>();
        // The plan is replaced whole: a missing section is a mistake, not a request to clear it ([] clears it).
        for (var section : new Object[][] {{"transport", body.transport()}, {"lodging", body.lodging()}, {"other", body.other()}}) {
            if (section[1] == null) problems.add((String) section[0], Params.REQUIRED_LIST);
        }
        problems.throwIfInvalid();
        var legs = body.transport();
        var stays = body.lodging();
        var costs = body.other();
        if (legs.size() + stays.size() + costs.size() > 200) throw Params.invalid("plan", Validation.TOO_MANY, ExpensePlan.MAX_ENTRIES);
        for (int i = 0; i < legs.size(); i++) {
            var leg = legs.get(i);
            String prefix = "transport[" + i + "].";
            if (leg == null) { problems.add("transport[" + i + "]", Validation.WRONG_TYPE, "object"); continue; }
            problems.required(leg.fare(), prefix + "fare");
            problems.nested(prefix, () -> new ExpensePlan.TransportLeg(leg.from(), leg.to(), leg.date(),
                    leg.travelClass() == null ? null : TransportClass.parse(leg.travelClass()), leg.fare() == null ? 0 : leg.fare(), leg.currency()))
                    .ifPresent(transport::add);
        }
        for (int i = 0; i < stays.size(); i++) {
            var stay = stays.get(i);
            String prefix = "lodging[" + i + "].";
            if (stay == null) { problems.add("lodging[" + i + "]", Validation.WRONG_TYPE, "object"); continue; }
            problems.required(stay.nights(), prefix + "nights").required(stay.ratePerNight(), prefix + "ratePerNight");
            problems.nested(prefix, () -> new ExpensePlan.Lodging(stay.city(), stay.nights() == null ? 1 : stay.nights(),
                    stay.ratePerNight() == null ? 0 : stay.ratePerNight(), stay.currency())).ifPresent(lodging::add);
        }
        for (int i = 0; i < costs.size(); i++) {
            var cost = costs.get(i);
            String prefix = "other[" + i + "].";
            if (cost == null) { problems.add("other[" + i + "]", Validation.WRONG_TYPE, "object"); continue; }
            problems.required(cost.amount(), prefix + "amount");
            problems.nested(prefix, () -> new ExpensePlan.OtherCost(cost.description(), cost.amount() == null ? 0 : cost.amount(), cost.currency()))
                    .ifPresent(other::add);
        }
        problems.throwIfInvalid();
        return new ExpensePlan(transport, lodging, other);
    }

    static long proposalId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id >= 1) return id;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Params.invalid("proposalId", Validation.POSITIVE_WHOLE_NUMBER);
    }
}
