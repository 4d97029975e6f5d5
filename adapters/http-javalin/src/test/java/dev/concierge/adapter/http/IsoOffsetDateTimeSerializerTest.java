package dev.concierge.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's times are written exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes them. */
class IsoOffsetDateTimeSerializerTest {
    private final ObjectMapper json = Json.mapper();

    @Test void edge_cases_match_the_jdk_formatter() throws Exception {
        for (OffsetDateTime time : List.of(
                OffsetDateTime.parse("2026-11-23T23:05:45.448825+09:00"),
                OffsetDateTime.parse("2026-01-01T00:00:00Z"),              // no fraction, UTC as Z
                OffsetDateTime.parse("2026-01-01T00:00:00.100+09:00"),     // trailing zeros dropped
                OffsetDateTime.parse("2026-01-01T00:00:00.000000001-03:30"),
                OffsetDateTime.parse("2026-06-30T12:34:56.123456789+05:45"),
                OffsetDateTime.parse("0000-01-01T00:00:00Z"),
                OffsetDateTime.parse("9999-12-31T23:59:59.999999999+18:00"),
                OffsetDateTime.parse("+10000-01-01T00:00:00Z"),             // signed year: the JDK formatter's path
                OffsetDateTime.parse("-0001-01-01T00:00:00Z"),
                OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneOffset.ofTotalSeconds(-(5 * 3600 + 17 * 60 + 3))))) {
            assertThat(json.writeValueAsString(time)).as(time.toString())
                    .isEqualTo('"' + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) + '"');
        }
    }

    @Test void random_times_and_offsets_match_the_jdk_formatter() throws Exception {
        Random random = new Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    switch (i % 4) { case 0 -> 0; case 1 -> random.nextInt(1000) * 1_000_000; default -> random.nextInt(1_000_000_000); });
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(i % 3 == 0 ? random.nextInt(-18, 19) * 3600
                    : random.nextInt(-18 * 3600, 18 * 3600 + 1));
            OffsetDateTime time = instant.atOffset(offset);
            assertThat(json.writeValueAsString(time)).as(time.toString())
                    .isEqualTo('"' + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) + '"');
        }
    }

    @Test void times_inside_views_use_it_too() throws Exception {
        record Stamped(OffsetDateTime at) {}
        assertThat(json.writeValueAsString(new Stamped(OffsetDateTime.parse("2026-11-23T08:00:00.5+09:00"))))
                .isEqualTo("{\"at\":\"2026-11-23T08:00:00.5+09:00\"}");
    }
}
