package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.VisitsRecord;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.out.VisitRepository;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.VISITS;

final class JooqVisitRepository implements VisitRepository {
    private final DSLContext dsl;

    JooqVisitRepository(DSLContext dsl) { this.dsl = dsl; }

    @Override public CustomerVisit add(TripId trip, VisitDetails details) {
        return dsl.insertInto(VISITS)
                .set(VISITS.TRIP_ID, trip.value())
                .set(detailsOf(details))
                .returning()
                .fetchSingle(JooqVisitRepository::toVisit);
    }

    @Override public Optional<CustomerVisit> find(VisitId id) {
        return dsl.selectFrom(VISITS).where(VISITS.ID.eq(id.value())).fetchOptional(JooqVisitRepository::toVisit);
    }

    @Override public List<CustomerVisit> forTrip(TripId trip) {
        return dsl.selectFrom(VISITS).where(VISITS.TRIP_ID.eq(trip.value())).orderBy(VISITS.STARTS_AT, VISITS.ID)
                .fetch(JooqVisitRepository::toVisit);
    }

    /** Optimistic: the version in the WHERE clause makes a save based on an outdated read change nothing. */
    @Override public CustomerVisit save(CustomerVisit visit) {
        return dsl.update(VISITS)
                .set(detailsOf(visit.details()))
                .set(VISITS.PREPARATION_NOTES, visit.preparationNotes().orElse(null))
                .set(VISITS.VERSION, VISITS.VERSION.plus(1))
                .where(VISITS.ID.eq(visit.id().value()).and(VISITS.VERSION.eq(visit.version())))
                .returning()
                .fetchOptional(JooqVisitRepository::toVisit)
                .orElseThrow(() -> new Conflict("stale", "Visit " + visit.id() + " was changed meanwhile. Reload it and try again."));
    }

    @Override public boolean delete(VisitId id) { return dsl.deleteFrom(VISITS).where(VISITS.ID.eq(id.value())).execute() == 1; }

    private static Map<Field<?>, Object> detailsOf(VisitDetails details) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(VISITS.COMPANY, details.company());
        values.put(VISITS.CONTACTS, details.contacts().toArray(String[]::new));
        values.put(VISITS.LOCATION, details.location());
        values.put(VISITS.STARTS_AT, details.startsAt());
        values.put(VISITS.DURATION_MINUTES, (int) details.duration().toMinutes());
        values.put(VISITS.AGENDA, details.agenda());
        values.put(VISITS.NOTES, details.notes());
        return values;
    }

    static CustomerVisit toVisit(VisitsRecord row) {
        return new CustomerVisit(new VisitId(row.getId()), new TripId(row.getTripId()),
                new VisitDetails(row.getCompany(), List.of(row.getContacts()), row.getLocation(), row.getStartsAt(),
                        Duration.ofMinutes(row.getDurationMinutes()), row.getAgenda(), row.getNotes()),
                Optional.ofNullable(row.getPreparationNotes()), row.getVersion());
    }
}
