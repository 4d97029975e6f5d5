package dev.concierge.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link OffsetDateTime} exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does
 * ({@code 2026-11-23T23:05:45.448825+09:00}), digit by digit: the formatter's generic printer dominates the JSON
 * encoding of a list page, the largest share of a list request's CPU in the server (bench/README.md). Years outside
 * 0–9999, which the formatter prints with a sign, still go through it.
 */
final class IsoOffsetDateTimeSerializer extends StdSerializer<OffsetDateTime> {
    IsoOffsetDateTimeSerializer() { super(OffsetDateTime.class); }

    @Override public void serialize(OffsetDateTime value, JsonGenerator json, SerializerProvider provider) throws IOException {
        char[] text = new char[38]; // the longest: 9999-12-31T23:59:59.999999999+17:59:59
        int length = format(value, text);
        if (length < 0) json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        else json.writeString(text, 0, length);
    }

    /** Writes {@code value} into {@code text} and answers the length, or -1 for a year the formatter signs. */
    static int format(OffsetDateTime value, char[] text) {
        int year = value.getYear();
        if (year < 0 || year > 9999) return -1;
        int at = digits(text, 0, year, 4);
        text[at++] = '-';
        at = digits(text, at, value.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, value.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, value.getHour(), 2);
        text[at++] = ':';
        at = digits(text, at, value.getMinute(), 2);
        text[at++] = ':';
        at = digits(text, at, value.getSecond(), 2);
        int nanos = value.getNano();
        if (nanos != 0) { // as many fraction digits as needed, trailing zeros dropped
            int width = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                width--;
            }
            text[at++] = '.';
            at = digits(text, at, nanos, width);
        }
        int offset = value.getOffset().getTotalSeconds();
        if (offset == 0) {
            text[at++] = 'Z';
            return at;
        }
        text[at++] = offset < 0 ? '-' : '+';
        int absolute = Math.abs(offset);
        at = digits(text, at, absolute / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, absolute / 60 % 60, 2);
        if (absolute % 60 != 0) {
            text[at++] = ':';
            at = digits(text, at, absolute % 60, 2);
        }
        return at;
    }

    /** {@code value} as exactly {@code width} decimal digits, zero-padded on the left. */
    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
