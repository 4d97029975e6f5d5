package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.TripsRecord;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.port.out.TripRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.TRIPS;
import static org.jooq.impl.DSL.count;

final class JooqTripRepository implements TripRepository {
    private static final Field<Integer> TOTAL = count().over().as("total");

    private final DSLContext dsl;

    JooqTripRepository(DSLContext dsl) { this.dsl = dsl; }

    /** The unique (owner, token) decides: two submits of one form at once still make one trip. */
    @Override public Trip create(UserId owner, TripDetails details, Optional<String> requestToken, Instant at) {
        Optional<Trip> made = dsl.insertInto(TRIPS)
                .set(TRIPS.OWNER_ID, owner.value())
                .set(detailsOf(details))
                .set(TRIPS.STATUS, TripStatus.PLANNED.wireName())
                .set(TRIPS.CREATED_AT, StoredTimes.utc(at))
                .set(TRIPS.UPDATED_AT, StoredTimes.utc(at))
                .set(TRIPS.REQUEST_TOKEN, requestToken.orElse(null))
                .onConflict(TRIPS.OWNER_ID, TRIPS.REQUEST_TOKEN).doNothing()
                .returning()
                .fetchOptional(JooqTripRepository::toTrip);
        return made.orElseGet(() -> dsl.selectFrom(TRIPS)
                .where(TRIPS.OWNER_ID.eq(owner.value()).and(TRIPS.REQUEST_TOKEN.eq(requestToken.orElseThrow())))
                .fetchSingle(JooqTripRepository::toTrip));
    }

    @Override public Optional<Trip> find(TripId id) {
        return dsl.selectFrom(TRIPS).where(TRIPS.ID.eq(id.value()).and(TRIPS.DELETED_AT.isNull())).fetchOptional(JooqTripRepository::toTrip);
    }

    @Override public Page<Trip> list(UserId owner, Optional<TripStatus> status, PageRequest page) {
        Condition where = TRIPS.OWNER_ID.eq(owner.value()).and(TRIPS.DELETED_AT.isNull());
        if (status.isPresent()) where = where.and(TRIPS.STATUS.eq(status.get().wireName()));
        var rows = dsl.select(TRIPS.fields()).select(TOTAL)
                .from(TRIPS)
                .where(where)
                .orderBy(TRIPS.START_DATE, TRIPS.ID)
                .limit(page.limit())
                .offset(page.offset())
                .fetch();
        long total = rows.isEmpty() ? (page.offset() == 0 ? 0 : dsl.fetchCount(TRIPS, where)) : rows.getFirst().get(TOTAL);
        return new Page<>(rows.map(row -> toTrip(row.into(TRIPS))), total);
    }

    /** The version in the WHERE clause makes a save based on an outdated read change nothing. */
    @Override public Trip save(Trip trip) {
        return dsl.update(TRIPS)
                .set(detailsOf(trip.details()))
                .set(TRIPS.STATUS, trip.status().wireName())
                .set(TRIPS.UPDATED_AT, StoredTimes.utc(trip.updatedAt() == null ? Instant.now() : trip.updatedAt()))
                .set(TRIPS.VERSION, TRIPS.VERSION.plus(1))
                .where(TRIPS.ID.eq(trip.id().value()).and(TRIPS.VERSION.eq(trip.version())).and(TRIPS.DELETED_AT.isNull()))
                .returning()
                .fetchOptional(JooqTripRepository::toTrip)
                .orElseThrow(() -> new Conflict("stale", "Trip " + trip.id() + " was changed meanwhile. Reload it and try again."));
    }

    /** Purging, the schema's ON DELETE CASCADE takes the visits, itinerary, plan, conversations, messages and proposals with it. */
    @Override public void delete(TripId id, Instant at, Instant purgeBefore) {
        dsl.transaction(tx -> {
            tx.dsl().update(TRIPS).set(TRIPS.DELETED_AT, StoredTimes.utc(at)).where(TRIPS.ID.eq(id.value()).and(TRIPS.DELETED_AT.isNull())).execute();
            tx.dsl().deleteFrom(TRIPS).where(TRIPS.DELETED_AT.lt(StoredTimes.utc(purgeBefore))).execute();
        });
    }

    @Override public boolean restore(TripId id, UserId owner) {
        return dsl.update(TRIPS).setNull(TRIPS.DELETED_AT)
                .where(TRIPS.ID.eq(id.value()).and(TRIPS.OWNER_ID.eq(owner.value())).and(TRIPS.DELETED_AT.isNotNull()))
                .execute() == 1;
    }

    private static Map<Field<?>, Object> detailsOf(TripDetails details) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(TRIPS.TITLE, details.title());
        values.put(TRIPS.PURPOSE, details.purpose());
        values.put(TRIPS.ORIGIN, details.origin());
        values.put(TRIPS.DESTINATIONS, details.destinations().toArray(String[]::new));
        values.put(TRIPS.START_DATE, details.startDate());
        values.put(TRIPS.END_DATE, details.endDate());
        return values;
    }

    static Trip toTrip(Record record) {
        TripsRecord row = record.into(TRIPS);
        return new Trip(new TripId(row.getId()), new UserId(row.getOwnerId()),
                new TripDetails(row.getTitle(), row.getPurpose(), row.getOrigin(), List.of(row.getDestinations()),
                        row.getStartDate(), row.getEndDate()),
                TripStatus.parse(row.getStatus()), row.getVersion(), row.getUpdatedAt().toInstant());
    }

}
