package dev.concierge.infrastructure;

import software.constructs.Construct;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The name users type (context {@code domainName}) and, when the app should own its DNS, the existing Route 53 hosted
 * zone it lives in ({@code hostedZoneId} + {@code hostedZoneName}, imported as given: no lookup, synthesis stays
 * offline). Without a zone the name is still the site's address (the app's sign-in, the health check) and its record
 * is the deployer's business, pointed at the stack output LoadBalancerDns.
 */
public record SiteDomain(String name, Optional<Zone> zone) {
    private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
    private static final String NAME = LABEL + "(\\." + LABEL + ")+";

    /** An existing public or private hosted zone; a private one must already be associated with the VPC. */
    public record Zone(String id, String name) {
        public Zone {
            Objects.requireNonNull(id, "hostedZoneId");
            Objects.requireNonNull(name, "hostedZoneName");
            id = id.replaceFirst("^/hostedzone/", "");
            if (!id.matches("Z[A-Z0-9]{1,31}")) {
                throw new IllegalArgumentException("hostedZoneId: a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ, got '" + id + "'");
            }
            name = normalised(name, "hostedZoneName");
        }
    }

    public SiteDomain {
        name = normalised(Objects.requireNonNull(name, "domainName"), "domainName");
        Objects.requireNonNull(zone, "zone");
        String domain = name;
        zone.ifPresent(z -> {
            if (!domain.equals(z.name()) && !domain.endsWith("." + z.name())) {
                throw new IllegalArgumentException("domainName " + domain + " is not inside hostedZoneName " + z.name()
                        + ": the record can only be written in the zone that holds the name");
            }
        });
    }

    /** The context's domain, if any; refuses zone keys without a name, or half a zone. */
    static Optional<SiteDomain> from(Construct app) {
        Optional<String> name = InfraApp.text(app, "domainName");
        Optional<String> zoneId = InfraApp.text(app, "hostedZoneId");
        Optional<String> zoneName = InfraApp.text(app, "hostedZoneName");
        if (name.isEmpty()) {
            if (zoneId.isPresent() || zoneName.isPresent()) {
                throw new IllegalArgumentException("hostedZoneId/hostedZoneName were given without domainName: pass "
                        + "domainName=<the name users type, inside the zone> too, or leave the zone out");
            }
            return Optional.empty();
        }
        if (zoneId.isPresent() != zoneName.isPresent()) {
            throw new IllegalArgumentException("a hosted zone needs both hostedZoneId and hostedZoneName; "
                    + (zoneId.isPresent() ? "hostedZoneName" : "hostedZoneId") + " is missing");
        }
        return Optional.of(new SiteDomain(name.get(), zoneId.map(id -> new Zone(id, zoneName.get()))));
    }

    private static String normalised(String value, String key) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) lower = lower.substring(0, lower.length() - 1);
        if (!lower.matches(NAME)) {
            throw new IllegalArgumentException(key + ": a DNS name such as concierge.example.com (no scheme, no path), got '" + value + "'");
        }
        return lower;
    }
}
