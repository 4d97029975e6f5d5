package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.PageRequest;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Query and path parameters, parsed at the edge: a bad value is a 400 that names the parameter. */
public final class Params {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private Params() {}

    public static PageRequest page(Context ctx) {
        int limit = integer(ctx, "limit").orElse(PageRequest.DEFAULT_LIMIT);
        int offset = integer(ctx, "offset").orElse(0);
        try {
            return new PageRequest(limit, offset);
        } catch (InvalidInput invalid) {
            throw BadRequest.of(invalid);
        }
    }

    public static Optional<Integer> integer(Context ctx, String name) {
        return text(ctx, name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw invalid(name, "must be a whole number");
            }
        });
    }

    public static Optional<LocalDate> date(Context ctx, String name) {
        return text(ctx, name).map(value -> {
            try {
                LocalDate date = LocalDate.parse(value);
                if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) throw invalid(name, "must be between 1900-01-01 and 2200-12-31");
                return date;
            } catch (DateTimeParseException e) {
                throw invalid(name, "must be a date like 2026-04-01");
            }
        });
    }

    /** {@code ?lang=en|ja}; empty when absent. */
    public static Optional<Language> language(Context ctx) {
        return text(ctx, "lang").map(tag -> Language.fromTag(tag).orElseThrow(() -> invalid("lang", "must be en or ja")));
    }

    /** A query parameter's value, empty when absent or blank. */
    public static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public static BadRequest invalid(String name, String problem) {
        return new BadRequest("invalid_request", "Invalid " + name + ": " + problem + ".", List.of(FieldError.of(name, problem)));
    }
}
