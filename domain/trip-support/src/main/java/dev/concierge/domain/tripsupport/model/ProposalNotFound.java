package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.NotFound;

public final class ProposalNotFound extends NotFound {
    public ProposalNotFound(long id) { super("Proposal " + id + " does not exist."); }
}
