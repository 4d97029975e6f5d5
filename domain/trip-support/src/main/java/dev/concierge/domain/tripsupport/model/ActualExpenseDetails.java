package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.Validation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What was really spent: when, on what, where, how much; a stay also how many nights. {@code estimateLine} is the
 * estimate line it answers (its index), when the traveller says so.
 */
public record ActualExpenseDetails(LocalDate spentOn, ExpenseEstimate.Category category, String description, String city,
                                   long amount, OptionalInt nights, OptionalInt estimateLine) {
    public ActualExpenseDetails {
        description = description == null ? "" : description.strip();
        city = city == null ? "" : city.strip();
        nights = Objects.requireNonNullElse(nights, OptionalInt.empty());
        estimateLine = Objects.requireNonNullElse(estimateLine, OptionalInt.empty());
        Validation problems = new Validation();
        if (spentOn == null) problems.add("spentOn", Validation.REQUIRED);
        if (category == null) problems.add("category", Validation.REQUIRED);
        if (description.isEmpty() || Validation.length(description) > 200) problems.add("description", Validation.LENGTH, 1, 200);
        if (Validation.length(city) > 100) problems.add("city", Validation.TOO_LONG, 100);
        if (amount < 0 || amount > ExpensePlan.MAX_AMOUNT) problems.add("amount", Validation.RANGE, 0, ExpensePlan.MAX_AMOUNT);
        if (nights.isPresent() && (nights.getAsInt() < 1 || nights.getAsInt() > 90)) problems.add("nights", Validation.RANGE, 1, 90);
        if (category == ExpenseEstimate.Category.LODGING && nights.isEmpty()) problems.add("nights", Validation.REQUIRED);
        if (category == ExpenseEstimate.Category.LODGING && city.isEmpty()) problems.add("city", Validation.REQUIRED);
        if (estimateLine.isPresent() && estimateLine.getAsInt() < 0) problems.add("estimateLine", Validation.RANGE, 0, ExpensePlan.MAX_ENTRIES);
        problems.throwIfInvalid();
    }

    public Optional<Integer> line() { return estimateLine.isPresent() ? Optional.of(estimateLine.getAsInt()) : Optional.empty(); }
}
