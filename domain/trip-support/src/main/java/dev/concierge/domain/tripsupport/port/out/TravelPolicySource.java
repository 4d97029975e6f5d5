package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.tripsupport.model.TravelPolicy;

/** Where the company's travel policy comes from (a configuration file, or the built-in default). */
public interface TravelPolicySource {
    TravelPolicy policy();
}
