package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.FieldError;

import java.util.List;

/** The one error shape every 4xx/5xx answer has: {@code {"error":{"code","message","details"}}}. */
public record ErrorBody(Error error) {
    public record Error(String code, String message, List<FieldError> details) {}

    public static ErrorBody of(String code, String message, List<FieldError> details) {
        return new ErrorBody(new Error(code, message, List.copyOf(details)));
    }
}
