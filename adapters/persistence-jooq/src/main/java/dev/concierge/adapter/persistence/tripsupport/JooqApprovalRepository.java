package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.ApprovalRequestsRecord;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.Approvers;
import dev.concierge.domain.tripsupport.model.Submission;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.ApprovalRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.APPROVAL_REQUESTS;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.TRIPS;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.select;

final class JooqApprovalRepository implements ApprovalRepository {
    private final DSLContext dsl;

    JooqApprovalRepository(DSLContext dsl) { this.dsl = dsl; }

    @Override public ApprovalRequest add(Submission submission) {
        return dsl.insertInto(APPROVAL_REQUESTS)
                .set(APPROVAL_REQUESTS.TRIP_ID, submission.trip().value())
                .set(APPROVAL_REQUESTS.SUBMITTER_ID, submission.submitter().value())
                .set(APPROVAL_REQUESTS.TRIP, ApprovalDocuments.trip(submission.details()))
                .set(APPROVAL_REQUESTS.ESTIMATE, ApprovalDocuments.estimate(submission.estimate()))
                .set(APPROVAL_REQUESTS.JUSTIFICATIONS, ApprovalDocuments.justifications(submission.justifications()))
                .set(APPROVAL_REQUESTS.APPROVER_GROUP, submission.approvers().group().orElse(null))
                .set(APPROVAL_REQUESTS.MANAGER_ID, submission.approvers().manager().map(UserId::value).orElse(null))
                .set(APPROVAL_REQUESTS.SUBMITTED_AT, StoredTimes.utc(submission.at()))
                .returning()
                .fetchSingle(JooqApprovalRepository::toRequest);
    }

    @Override public Optional<ApprovalRequest> find(ApprovalId id) {
        return dsl.selectFrom(APPROVAL_REQUESTS).where(APPROVAL_REQUESTS.ID.eq(id.value())).fetchOptional(JooqApprovalRepository::toRequest);
    }

    @Override public List<ApprovalRequest> forTrip(TripId trip) {
        return dsl.selectFrom(APPROVAL_REQUESTS).where(APPROVAL_REQUESTS.TRIP_ID.eq(trip.value())).orderBy(APPROVAL_REQUESTS.ID)
                .fetch(JooqApprovalRepository::toRequest);
    }

    @Override public Page<ApprovalRequest> pendingFor(Actor approver, PageRequest page) {
        Condition mine = APPROVAL_REQUESTS.MANAGER_ID.eq(approver.user().value());
        mine = mine.or(approver.groups().isEmpty() ? falseCondition() : APPROVAL_REQUESTS.APPROVER_GROUP.in(approver.groups()));
        // A trip its owner deleted (and may still restore) is out of the queue meanwhile.
        Condition live = APPROVAL_REQUESTS.TRIP_ID.in(select(TRIPS.ID).from(TRIPS).where(TRIPS.DELETED_AT.isNull()));
        Condition where = APPROVAL_REQUESTS.OUTCOME.isNull().and(APPROVAL_REQUESTS.SUBMITTER_ID.ne(approver.user().value())).and(mine).and(live);
        List<ApprovalRequest> items = dsl.selectFrom(APPROVAL_REQUESTS).where(where).orderBy(APPROVAL_REQUESTS.ID)
                .limit(page.limit()).offset(page.offset()).fetch(JooqApprovalRepository::toRequest);
        return new Page<>(items, dsl.fetchCount(APPROVAL_REQUESTS, where));
    }

    @Override public Page<ApprovalRequest> decidedBy(UserId approver, PageRequest page) {
        Condition live = APPROVAL_REQUESTS.TRIP_ID.in(select(TRIPS.ID).from(TRIPS).where(TRIPS.DELETED_AT.isNull()));
        Condition where = APPROVAL_REQUESTS.DECIDED_BY.eq(approver.value()).and(live);
        List<ApprovalRequest> items = dsl.selectFrom(APPROVAL_REQUESTS).where(where)
                .orderBy(APPROVAL_REQUESTS.DECIDED_AT.desc(), APPROVAL_REQUESTS.ID.desc())
                .limit(page.limit()).offset(page.offset()).fetch(JooqApprovalRepository::toRequest);
        return new Page<>(items, dsl.fetchCount(APPROVAL_REQUESTS, where));
    }

    /** Only an undecided row is updated: of two approvers deciding at once, one wins and the other is told. */
    @Override public boolean decide(ApprovalId id, ApprovalRequest.Decision decision) {
        return dsl.update(APPROVAL_REQUESTS)
                .set(APPROVAL_REQUESTS.OUTCOME, decision.outcome().wireName())
                .set(APPROVAL_REQUESTS.DECIDED_BY, decision.by().value())
                .set(APPROVAL_REQUESTS.DECIDED_AT, StoredTimes.utc(decision.at()))
                .set(APPROVAL_REQUESTS.DECISION_COMMENT, decision.comment())
                .where(APPROVAL_REQUESTS.ID.eq(id.value()).and(APPROVAL_REQUESTS.OUTCOME.isNull()))
                .execute() == 1;
    }

    private static ApprovalRequest toRequest(ApprovalRequestsRecord row) {
        Submission submission = new Submission(new TripId(row.getTripId()), new UserId(row.getSubmitterId()), ApprovalDocuments.trip(row.getTrip()),
                ApprovalDocuments.estimate(row.getEstimate()), ApprovalDocuments.justifications(row.getJustifications()),
                new Approvers(Optional.ofNullable(row.getApproverGroup()), Optional.ofNullable(row.getManagerId()).map(UserId::new)),
                row.getSubmittedAt().toInstant());
        Optional<ApprovalRequest.Decision> decision = row.getOutcome() == null ? Optional.empty()
                : Optional.of(new ApprovalRequest.Decision(ApprovalRequest.Outcome.parse(row.getOutcome()), new UserId(row.getDecidedBy()),
                        row.getDecidedAt().toInstant(), row.getDecisionComment()));
        return new ApprovalRequest(new ApprovalId(row.getId()), submission, decision);
    }
}
