package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.UserId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TripCalendarTest {
    static final Instant STAMP = Instant.parse("2026-11-23T15:30:00Z");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    static Trip trip(String title) {
        return new Trip(new TripId(7), new UserId("alice"), new TripDetails(title, "更新の相談; 2件", "東京", List.of("大阪", "京都"),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3)), TripStatus.PLANNED, 0, STAMP);
    }

    static CustomerVisit visit(String agenda) {
        return new CustomerVisit(new VisitId(3), new TripId(7), new VisitDetails("株式会社アクメ", List.of("佐藤"), "大阪市北区梅田",
                LocalDateTime.of(2026, 12, 1, 10, 0), Duration.ofMinutes(90), agenda, ""), Optional.empty(), 0);
    }

    static Itinerary itinerary() {
        return new Itinerary(List.of(
                new ItineraryItem(LocalDate.of(2026, 12, 1), LocalTime.of(7, 0), Optional.of(LocalTime.of(9, 30)), ItineraryKind.TRANSPORT,
                        "のぞみ 1号", "東京駅", ""),
                new ItineraryItem(LocalDate.of(2026, 12, 1), LocalTime.of(20, 0), Optional.of(LocalTime.of(8, 0)), ItineraryKind.HOTEL,
                        "Hotel, Umeda", "", "")), Itinerary.Source.USER);
    }

    static String write(ZoneId zone, String agenda) {
        return TripCalendar.write("出張", List.of(new TripCalendar.Entry(trip("大阪出張"), List.of(visit(agenda)), itinerary())), zone, STAMP);
    }

    /** Content lines as RFC 5545 reads them: folded lines joined again. */
    static List<String> unfolded(String ics) { return Arrays.asList(ics.replace("\r\n ", "").split("\r\n")); }

    @Test void every_line_ends_with_crlf_and_none_is_longer_than_75_octets() {
        String ics = write(TOKYO, "長い議題。".repeat(40));

        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        assertThat(unfolded(ics)).contains("DESCRIPTION:佐藤\\n" + "長い議題。".repeat(40));
    }

    @Test void a_visit_is_a_timed_event_in_the_zone_with_a_stable_uid() {
        List<String> lines = unfolded(write(TOKYO, ""));

        assertThat(lines).containsSubsequence("BEGIN:VEVENT", "UID:visit-3@concierge", "DTSTAMP:20261123T153000Z",
                "DTSTART;TZID=Asia/Tokyo:20261201T100000", "DTEND;TZID=Asia/Tokyo:20261201T113000", "SUMMARY:株式会社アクメ",
                "LOCATION:大阪市北区梅田", "END:VEVENT");
    }

    @Test void the_trip_is_an_all_day_event_ending_the_day_after_its_last_day() {
        List<String> lines = unfolded(write(TOKYO, ""));

        assertThat(lines).containsSubsequence("UID:trip-7@concierge", "DTSTART;VALUE=DATE:20261201", "DTEND;VALUE=DATE:20261204",
                "SUMMARY:大阪出張", "LOCATION:大阪\\, 京都", "DESCRIPTION:更新の相談\\; 2件");
    }

    @Test void itinerary_items_are_events_and_a_hotel_ends_the_next_morning() {
        List<String> lines = unfolded(write(TOKYO, ""));

        assertThat(lines).containsSubsequence("DTSTART;TZID=Asia/Tokyo:20261201T070000", "DTEND;TZID=Asia/Tokyo:20261201T093000", "SUMMARY:のぞみ 1号");
        assertThat(lines).containsSubsequence("DTSTART;TZID=Asia/Tokyo:20261201T200000", "DTEND;TZID=Asia/Tokyo:20261202T080000", "SUMMARY:Hotel\\, Umeda");
    }

    @Test void a_zone_without_daylight_saving_has_one_standard_observance() {
        List<String> lines = unfolded(write(TOKYO, ""));

        assertThat(lines).containsSubsequence("BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "TZOFFSETFROM:+0900",
                "TZOFFSETTO:+0900", "END:STANDARD", "END:VTIMEZONE");
        assertThat(lines).doesNotContain("BEGIN:DAYLIGHT");
    }

    @Test void a_zone_with_daylight_saving_has_each_change_around_the_trip() {
        CustomerVisit inNewYork = new CustomerVisit(new VisitId(3), new TripId(7), new VisitDetails("Globex", List.of(), "Globex HQ, New York",
                LocalDateTime.of(2026, 12, 1, 10, 0), Duration.ofMinutes(90), "", ""), Optional.empty(), 0);
        List<String> lines = unfolded(TripCalendar.write("出張", List.of(new TripCalendar.Entry(trip("NY"), List.of(inNewYork),
                new Itinerary(List.of(), Itinerary.Source.USER))), TOKYO, STAMP));

        // 2026-03-08 02:00 EST becomes EDT; 2026-11-01 02:00 EDT becomes EST.
        assertThat(lines).containsSubsequence("BEGIN:DAYLIGHT", "DTSTART:20260308T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "END:DAYLIGHT");
        assertThat(lines).containsSubsequence("BEGIN:STANDARD", "DTSTART:20261101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD");
        assertThat(lines).contains("DTSTART;TZID=America/New_York:20261201T100000");
    }

    @Test void text_values_escape_what_rfc_5545_reserves() {
        assertThat(TripCalendar.text("a\\b;c,d\r\ne")).isEqualTo("a\\\\b\\;c\\,d\\ne");
    }

    @Test void a_calendar_token_is_256_random_bits_and_stored_only_as_its_hash() {
        CalendarToken a = CalendarToken.generate();
        CalendarToken b = CalendarToken.generate();

        assertThat(a.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.sha256()).hasSize(64).isEqualTo(CalendarToken.parse(a.value()).sha256()).isNotEqualTo(b.sha256());
        assertThat(a.toString()).doesNotContain(a.value());
    }

    @Test void a_malformed_token_finds_nothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CalendarToken.parse("../etc")).isInstanceOf(CalendarSubscriptionNotFound.class);
    }
}
