package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;

import java.util.List;

/** The steps break the procedure rules; {@link #details()} names each problem. */
public final class InvalidProcedure extends InvalidInput {
    public InvalidProcedure(List<FieldError> problems) { super(problems); }
}
