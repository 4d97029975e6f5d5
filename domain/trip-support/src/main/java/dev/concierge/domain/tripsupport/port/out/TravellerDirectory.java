package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Traveller;

/** The company's people as trip support needs them: grade, manager, e-mail. Someone not listed is {@link Traveller#unknown}. */
public interface TravellerDirectory {
    Traveller find(UserId user);
}
