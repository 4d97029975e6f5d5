package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.ExpensePlanRepository;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.EXPENSE_PLANS;

final class JooqExpensePlanRepository implements ExpensePlanRepository {
    private final DSLContext dsl;

    JooqExpensePlanRepository(DSLContext dsl) { this.dsl = dsl; }

    @Override public Optional<ExpensePlan> find(TripId trip) {
        return dsl.select(EXPENSE_PLANS.PLAN).from(EXPENSE_PLANS).where(EXPENSE_PLANS.TRIP_ID.eq(trip.value()))
                .fetchOptional(EXPENSE_PLANS.PLAN).map(JsonDocuments::plan);
    }

    @Override public void save(TripId trip, ExpensePlan plan) {
        var document = JsonDocuments.plan(plan);
        var now = StoredTimes.utc(Instant.now());
        dsl.insertInto(EXPENSE_PLANS)
                .set(EXPENSE_PLANS.TRIP_ID, trip.value())
                .set(EXPENSE_PLANS.PLAN, document)
                .set(EXPENSE_PLANS.UPDATED_AT, now)
                .onConflict(EXPENSE_PLANS.TRIP_ID).doUpdate()
                .set(EXPENSE_PLANS.PLAN, document)
                .set(EXPENSE_PLANS.UPDATED_AT, now)
                .execute();
    }
}
