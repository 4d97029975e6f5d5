package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.Proposal;

import java.util.List;

/** The user's decision on what the assistant proposed. Accepting applies it through the same use cases as the API. */
public interface ReviewProposalsUseCase {
    List<Proposal> proposals(UserId owner, ConversationId conversation);

    Proposal accept(UserId owner, long proposal);

    Proposal reject(UserId owner, long proposal);
}
