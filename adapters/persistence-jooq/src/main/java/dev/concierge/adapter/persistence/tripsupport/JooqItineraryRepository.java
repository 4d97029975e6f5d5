package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.ItineraryItemsRecord;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.ItineraryRepository;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.ITINERARIES;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.ITINERARY_ITEMS;

final class JooqItineraryRepository implements ItineraryRepository {
    private final DSLContext dsl;

    JooqItineraryRepository(DSLContext dsl) { this.dsl = dsl; }

    @Override public Optional<Itinerary> find(TripId trip) {
        return dsl.select(ITINERARIES.SOURCE).from(ITINERARIES).where(ITINERARIES.TRIP_ID.eq(trip.value()))
                .fetchOptional(ITINERARIES.SOURCE)
                .map(source -> new Itinerary(
                        dsl.selectFrom(ITINERARY_ITEMS).where(ITINERARY_ITEMS.TRIP_ID.eq(trip.value()))
                                .orderBy(ITINERARY_ITEMS.POSITION).fetch(JooqItineraryRepository::toItem),
                        source(source)));
    }

    /** Replaced whole in one transaction, so a reader sees the old itinerary or the new one, never a mix. */
    @Override public void save(TripId trip, Itinerary itinerary) {
        dsl.transaction(tx -> {
            var ctx = tx.dsl();
            ctx.insertInto(ITINERARIES)
                    .set(ITINERARIES.TRIP_ID, trip.value())
                    .set(ITINERARIES.SOURCE, itinerary.source().wireName())
                    .set(ITINERARIES.UPDATED_AT, StoredTimes.utc(Instant.now()))
                    .onConflict(ITINERARIES.TRIP_ID).doUpdate()
                    .set(ITINERARIES.SOURCE, itinerary.source().wireName())
                    .set(ITINERARIES.UPDATED_AT, StoredTimes.utc(Instant.now()))
                    .execute();
            ctx.deleteFrom(ITINERARY_ITEMS).where(ITINERARY_ITEMS.TRIP_ID.eq(trip.value())).execute();
            var insert = ctx.insertInto(ITINERARY_ITEMS, ITINERARY_ITEMS.TRIP_ID, ITINERARY_ITEMS.POSITION, ITINERARY_ITEMS.DAY,
                    ITINERARY_ITEMS.START_TIME, ITINERARY_ITEMS.END_TIME, ITINERARY_ITEMS.KIND, ITINERARY_ITEMS.TITLE,
                    ITINERARY_ITEMS.PLACE, ITINERARY_ITEMS.NOTES);
            for (int i = 0; i < itinerary.items().size(); i++) {
                ItineraryItem item = itinerary.items().get(i);
                insert = insert.values(trip.value(), i, item.date(), item.start(), item.end().orElse(null),
                        item.kind().wireName(), item.title(), item.place(), item.notes());
            }
            if (!itinerary.items().isEmpty()) insert.execute();
        });
    }

    private static ItineraryItem toItem(ItineraryItemsRecord row) {
        return new ItineraryItem(row.getDay(), row.getStartTime(), Optional.ofNullable(row.getEndTime()),
                ItineraryKind.parse(row.getKind()), row.getTitle(), row.getPlace(), row.getNotes());
    }

    private static Itinerary.Source source(String wireName) {
        for (Itinerary.Source source : Itinerary.Source.values()) if (source.wireName().equals(wireName)) return source;
        throw new IllegalStateException("unknown itinerary source in the database: " + wireName);
    }
}
