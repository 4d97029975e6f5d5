package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.Validation;
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
                throw invalid(name, Validation.WHOLE_NUMBER);
            }
        });
    }

    public static Optional<LocalDate> date(Context ctx, String name) {
        return text(ctx, name).map(value -> {
            try {
                LocalDate date = LocalDate.parse(value);
                if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) throw invalid(name, Validation.OUTSIDE, EARLIEST, LATEST);
                return date;
            } catch (DateTimeParseException e) {
                throw invalid(name, Validation.FORMAT, "2026-04-01");
            }
        });
    }

    /** {@code ?lang=en|ja}; empty when absent. */
    public static Optional<Language> language(Context ctx) {
        return text(ctx, "lang").map(tag -> Language.fromTag(tag).orElseThrow(() -> invalid("lang", Validation.ONE_OF, "en, ja")));
    }

    /** A query parameter's value, empty when absent or blank. */
    public static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** One parameter is wrong: {@code code} and its figures as in {@link Validation}. */
    public static BadRequest invalid(String name, String code, Object... args) {
        return BadRequest.of(List.of(FieldError.of(name, code, args)));
    }

    /** (): a field the operation does not take, e.g. a version when creating. */
    public static final String NOT_ACCEPTED = "not_accepted";
    /** (): a list with a null entry. */
    public static final String NO_NULLS = "no_nulls";
    /** (): text holding NUL, which PostgreSQL cannot store and no person types. */
    public static final String NUL_CHARACTER = "nul_character";
    /** (): a body that is not strict UTF-8. */
    public static final String NOT_UTF8 = "not_utf8";
    /** (): text holding half of a surrogate pair, which is no character. */
    public static final String UNPAIRED_SURROGATE = "unpaired_surrogate";
    /** (): a list replaced whole that was left out; [] empties it. */
    public static final String REQUIRED_LIST = "required_list";
}
