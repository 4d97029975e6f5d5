package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.ProposalsRecord;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.ProposalRepository;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.PROPOSALS;

final class JooqProposalRepository implements ProposalRepository {
    private final DSLContext dsl;

    JooqProposalRepository(DSLContext dsl) { this.dsl = dsl; }

    @Override public Proposal create(ConversationId conversation, TripId trip, ProposedChange change, String summary, Instant at) {
        return dsl.insertInto(PROPOSALS)
                .set(PROPOSALS.CONVERSATION_ID, conversation.value())
                .set(PROPOSALS.TRIP_ID, trip.value())
                .set(PROPOSALS.CHANGE, JsonDocuments.change(change))
                .set(PROPOSALS.SUMMARY, summary)
                .set(PROPOSALS.STATUS, Proposal.Status.PENDING.wireName())
                .set(PROPOSALS.CREATED_AT, StoredTimes.utc(at))
                .returning()
                .fetchSingle(JooqProposalRepository::toProposal);
    }

    @Override public Optional<Proposal> find(long id) {
        return dsl.selectFrom(PROPOSALS).where(PROPOSALS.ID.eq(id)).fetchOptional(JooqProposalRepository::toProposal);
    }

    @Override public List<Proposal> forConversation(ConversationId conversation) {
        return dsl.selectFrom(PROPOSALS).where(PROPOSALS.CONVERSATION_ID.eq(conversation.value())).orderBy(PROPOSALS.ID)
                .fetch(JooqProposalRepository::toProposal);
    }

    /** The status condition makes the decision atomic: of two simultaneous decisions exactly one wins. */
    @Override public boolean resolve(long id, Proposal.Status status, Instant at) {
        if (status == Proposal.Status.PENDING) throw new IllegalArgumentException("a proposal is resolved to accepted or rejected");
        return dsl.update(PROPOSALS)
                .set(PROPOSALS.STATUS, status.wireName())
                .set(PROPOSALS.DECIDED_AT, StoredTimes.utc(at))
                .where(PROPOSALS.ID.eq(id).and(PROPOSALS.STATUS.eq(Proposal.Status.PENDING.wireName())))
                .execute() == 1;
    }

    @Override public boolean reopen(long id) {
        return dsl.update(PROPOSALS)
                .set(PROPOSALS.STATUS, Proposal.Status.PENDING.wireName())
                .setNull(PROPOSALS.DECIDED_AT)
                .where(PROPOSALS.ID.eq(id).and(PROPOSALS.STATUS.eq(Proposal.Status.ACCEPTED.wireName())))
                .execute() == 1;
    }

    private static Proposal toProposal(ProposalsRecord row) {
        return new Proposal(row.getId(), new ConversationId(row.getConversationId()), new TripId(row.getTripId()),
                JsonDocuments.change(row.getChange()), row.getSummary(),
                Proposal.Status.valueOf(row.getStatus().toUpperCase(Locale.ROOT)), row.getCreatedAt().toInstant());
    }
}
