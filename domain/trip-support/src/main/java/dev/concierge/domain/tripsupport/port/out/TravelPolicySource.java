package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.tripsupport.model.TravelPolicy;
import dev.concierge.domain.tripsupport.model.TravelPolicyBook;

/** Where the company's travel policy comes from (a configuration file, or the built-in default). */
public interface TravelPolicySource {
    /** The latest edition. */
    TravelPolicy policy();

    /** Every edition with its date; a source with one edition has only {@link #policy()}. */
    default TravelPolicyBook book() { return TravelPolicyBook.of(policy()); }
}
