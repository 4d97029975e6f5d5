package dev.concierge.domain.alpha.model;

import dev.concierge.domain.kernel.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fixture, compliant: the kernel, SLF4J and the JDK are all a domain class may use. */
public record AlphaThing(UserId owner, String name) {
    private static final Logger LOG = LoggerFactory.getLogger(AlphaThing.class);

    public AlphaThing {
        LOG.debug("alpha thing for {}", owner);
    }
}
