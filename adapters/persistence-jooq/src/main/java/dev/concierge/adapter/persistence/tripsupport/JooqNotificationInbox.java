package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.NotificationsRecord;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.NotificationInbox;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.NOTIFICATIONS;

final class JooqNotificationInbox implements NotificationInbox {
    private final DSLContext dsl;

    JooqNotificationInbox(DSLContext dsl) { this.dsl = dsl; }

    @Override public Notification add(Notification.Notice notice) {
        return dsl.insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.RECIPIENT_ID, notice.recipient().value())
                .set(NOTIFICATIONS.KIND, notice.kind().wireName())
                .set(NOTIFICATIONS.APPROVAL_ID, notice.approval().value())
                .set(NOTIFICATIONS.TRIP_ID, notice.trip().value())
                .set(NOTIFICATIONS.TRIP_TITLE, notice.tripTitle())
                .set(NOTIFICATIONS.ACTOR_ID, notice.actor().value())
                .set(NOTIFICATIONS.AT, StoredTimes.utc(notice.at()))
                .set(NOTIFICATIONS.COMMENT, notice.comment())
                .returning()
                .fetchSingle(JooqNotificationInbox::toNotification);
    }

    @Override public Page<Notification> list(UserId recipient, PageRequest page) {
        var where = NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value());
        List<Notification> items = dsl.selectFrom(NOTIFICATIONS).where(where).orderBy(NOTIFICATIONS.ID.desc())
                .limit(page.limit()).offset(page.offset()).fetch(JooqNotificationInbox::toNotification);
        return new Page<>(items, dsl.fetchCount(NOTIFICATIONS, where));
    }

    @Override public long unread(UserId recipient) {
        return dsl.fetchCount(NOTIFICATIONS, NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()).and(NOTIFICATIONS.READ_AT.isNull()));
    }

    @Override public boolean markRead(UserId recipient, long id) {
        return dsl.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.READ_AT, org.jooq.impl.DSL.coalesce(NOTIFICATIONS.READ_AT, org.jooq.impl.DSL.val(StoredTimes.utc(Instant.now()))))
                .where(NOTIFICATIONS.ID.eq(id).and(NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value())))
                .execute() == 1;
    }

    private static Notification toNotification(NotificationsRecord row) {
        return new Notification(row.getId(), new Notification.Notice(new UserId(row.getRecipientId()), Notification.Kind.parse(row.getKind()),
                new ApprovalId(row.getApprovalId()), new TripId(row.getTripId()), row.getTripTitle(), new UserId(row.getActorId()),
                row.getAt().toInstant(), row.getComment()), row.getReadAt() != null);
    }
}
