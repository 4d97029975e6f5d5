package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Language;

import java.util.List;

/**
 * The one error shape every 4xx/5xx answer has: {@code {"error":{"code","message","details"}}}, each detail
 * {@code {"field","code","message"}} with the message in the request's language.
 */
public record ErrorBody(Error error) {
    public record Error(String code, String message, List<Detail> details) {}

    public record Detail(String field, String code, String message) {}

    /** For answers written before a request's language is known (the server's own early refusals): English. */
    public static ErrorBody of(String code, String message, List<FieldError> details) { return of(code, message, details, Language.EN); }

    public static ErrorBody of(String code, String message, List<FieldError> details, Language language) {
        return new ErrorBody(new Error(code, message, details.stream()
                .map(d -> new Detail(d.field(), d.code(), FieldErrorTexts.problem(d, language))).toList()));
    }
}
