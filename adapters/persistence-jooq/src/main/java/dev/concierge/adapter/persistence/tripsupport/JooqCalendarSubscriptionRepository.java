package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.port.out.CalendarSubscriptionRepository;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.CALENDAR_SUBSCRIPTIONS;

final class JooqCalendarSubscriptionRepository implements CalendarSubscriptionRepository {
    private final DSLContext dsl;

    JooqCalendarSubscriptionRepository(DSLContext dsl) { this.dsl = dsl; }

    /** One row per user: the upsert replaces the hash, so the old token matches nothing from this statement on. */
    @Override public void replace(UserId user, String tokenSha256, Instant at) {
        dsl.insertInto(CALENDAR_SUBSCRIPTIONS)
                .set(CALENDAR_SUBSCRIPTIONS.USER_ID, user.value())
                .set(CALENDAR_SUBSCRIPTIONS.TOKEN_SHA256, tokenSha256)
                .set(CALENDAR_SUBSCRIPTIONS.CREATED_AT, StoredTimes.utc(at))
                .onConflict(CALENDAR_SUBSCRIPTIONS.USER_ID).doUpdate()
                .set(CALENDAR_SUBSCRIPTIONS.TOKEN_SHA256, tokenSha256)
                .set(CALENDAR_SUBSCRIPTIONS.CREATED_AT, StoredTimes.utc(at))
                .execute();
    }

    @Override public Optional<Instant> createdAt(UserId user) {
        return dsl.select(CALENDAR_SUBSCRIPTIONS.CREATED_AT).from(CALENDAR_SUBSCRIPTIONS)
                .where(CALENDAR_SUBSCRIPTIONS.USER_ID.eq(user.value())).fetchOptional(r -> r.value1().toInstant());
    }

    @Override public Optional<UserId> ownerOf(String tokenSha256) {
        return dsl.select(CALENDAR_SUBSCRIPTIONS.USER_ID).from(CALENDAR_SUBSCRIPTIONS)
                .where(CALENDAR_SUBSCRIPTIONS.TOKEN_SHA256.eq(tokenSha256)).fetchOptional(r -> new UserId(r.value1()));
    }

    @Override public void delete(UserId user) {
        dsl.deleteFrom(CALENDAR_SUBSCRIPTIONS).where(CALENDAR_SUBSCRIPTIONS.USER_ID.eq(user.value())).execute();
    }
}
