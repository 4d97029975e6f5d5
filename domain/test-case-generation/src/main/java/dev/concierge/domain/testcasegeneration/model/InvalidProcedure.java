package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;

import java.util.List;
import java.util.stream.Collectors;

/** The steps break the procedure rules; {@link #details()} names each problem. */
public final class InvalidProcedure extends InvalidInput {
    public InvalidProcedure(List<FieldError> problems) {
        super("The procedure is not valid: " + problems.stream().map(p -> p.field() + " " + p.message())
                .collect(Collectors.joining("; ")) + ".", problems);
    }
}
