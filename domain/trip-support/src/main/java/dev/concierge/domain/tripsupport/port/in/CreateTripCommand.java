package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.TripDetails;

import java.util.Objects;
import java.util.Optional;

/**
 * A new trip for its owner. {@code requestToken}: the token of the form or request that asks; asking again with the
 * same token (Back and submit again, a retried request) yields the trip made the first time, never a second one.
 */
public record CreateTripCommand(UserId owner, TripDetails details, Optional<String> requestToken) {
    public static final int MAX_TOKEN_LENGTH = 100;

    public CreateTripCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(details, "details");
        requestToken = Objects.requireNonNullElse(requestToken, Optional.<String>empty()).filter(t -> !t.isBlank());
        if (requestToken.isPresent() && !requestToken.get().matches("[A-Za-z0-9._:-]{1," + MAX_TOKEN_LENGTH + "}")) {
            throw InvalidInput.field("requestToken", Validation.FORMAT, "3f2a91c0-trip-form");
        }
    }

    public CreateTripCommand(UserId owner, TripDetails details) { this(owner, details, Optional.empty()); }
}
