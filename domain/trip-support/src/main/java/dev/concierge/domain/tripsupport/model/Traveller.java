package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * What the company says about an employee who travels: their grade (which rates of the travel policy apply), the
 * manager who approves their trips, and where to e-mail them. Unknown people get the default grade and no manager.
 */
public record Traveller(UserId id, String grade, Optional<UserId> manager, Optional<String> email) {
    public static final String DEFAULT_GRADE = "staff";

    public Traveller {
        Objects.requireNonNull(id, "id");
        grade = grade == null || grade.isBlank() ? DEFAULT_GRADE : grade.strip();
        manager = manager == null ? Optional.empty() : manager;
        email = email == null ? Optional.empty() : email;
    }

    public static Traveller unknown(UserId id) { return new Traveller(id, DEFAULT_GRADE, Optional.empty(), Optional.empty()); }
}
