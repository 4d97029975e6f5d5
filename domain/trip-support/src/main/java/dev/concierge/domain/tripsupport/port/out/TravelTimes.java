package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.tripsupport.model.TravelTime;

/** Travel time between two places as people write them (an address, a station, a city name). Never fails. */
public interface TravelTimes {
    TravelTime between(String from, String to);
}
