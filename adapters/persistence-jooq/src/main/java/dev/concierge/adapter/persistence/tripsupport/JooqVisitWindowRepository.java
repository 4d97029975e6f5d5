package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitWindow;
import dev.concierge.domain.tripsupport.port.out.VisitWindowRepository;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.VisitWindowsRecord;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.VISITS;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.VISIT_WINDOWS;

final class JooqVisitWindowRepository implements VisitWindowRepository {
    private final DSLContext dsl;

    JooqVisitWindowRepository(DSLContext dsl) { this.dsl = dsl; }

    @Override public Optional<VisitWindow> find(VisitId visit) {
        return dsl.selectFrom(VISIT_WINDOWS).where(VISIT_WINDOWS.VISIT_ID.eq(visit.value())).fetchOptional(JooqVisitWindowRepository::window);
    }

    @Override public Map<VisitId, VisitWindow> forTrip(TripId trip) {
        Map<VisitId, VisitWindow> windows = new LinkedHashMap<>();
        dsl.select(VISIT_WINDOWS.fields()).from(VISIT_WINDOWS).join(VISITS).on(VISITS.ID.eq(VISIT_WINDOWS.VISIT_ID))
                .where(VISITS.TRIP_ID.eq(trip.value())).orderBy(VISIT_WINDOWS.VISIT_ID)
                .fetchInto(VISIT_WINDOWS)
                .forEach(row -> windows.put(new VisitId(row.getVisitId()), window(row)));
        return windows;
    }

    /** An upsert, so two saves of one visit's window at once leave one of them, never an error. */
    @Override public void save(VisitId visit, Optional<VisitWindow> window) {
        if (window.isEmpty()) {
            dsl.deleteFrom(VISIT_WINDOWS).where(VISIT_WINDOWS.VISIT_ID.eq(visit.value())).execute();
            return;
        }
        dsl.insertInto(VISIT_WINDOWS)
                .set(VISIT_WINDOWS.VISIT_ID, visit.value())
                .set(VISIT_WINDOWS.AVAILABLE_FROM, window.get().from())
                .set(VISIT_WINDOWS.AVAILABLE_UNTIL, window.get().until())
                .onConflict(VISIT_WINDOWS.VISIT_ID).doUpdate()
                .set(VISIT_WINDOWS.AVAILABLE_FROM, window.get().from())
                .set(VISIT_WINDOWS.AVAILABLE_UNTIL, window.get().until())
                .execute();
    }

    private static VisitWindow window(VisitWindowsRecord row) { return new VisitWindow(row.getAvailableFrom(), row.getAvailableUntil()); }
}
