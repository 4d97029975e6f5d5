package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

/** How a leg is travelled; the travel policy allows some. */
public enum TransportClass {
    ECONOMY_AIR, PREMIUM_AIR, BUSINESS_AIR, SHINKANSEN_ORDINARY, SHINKANSEN_GREEN, LIMITED_EXPRESS, LOCAL_TRAIN, BUS, TAXI,
    RENTAL_CAR, OWN_CAR;

    public String wireName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    public static TransportClass parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (TransportClass c : values()) if (c.wireName().equals(v)) return c;
        throw InvalidInput.field("travelClass", Validation.ONE_OF, "economy-air, premium-air, business-air, shinkansen-ordinary, "
                + "shinkansen-green, limited-express, local-train, bus, taxi, rental-car, own-car");
    }
}
