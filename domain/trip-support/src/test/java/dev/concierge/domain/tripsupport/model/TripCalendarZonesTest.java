package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.UserId;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar export read back by an independent RFC 5545 parser (ical4j): each event carries the time zone of its
 * place, every zone used is defined by a VTIMEZONE in the file, and those definitions give the real offsets.
 */
class TripCalendarZonesTest {
    static final Instant STAMP = Instant.parse("2026-06-01T00:00:00Z");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    static Trip trip(long id, String title, List<String> destinations, LocalDate start, LocalDate end) {
        return new Trip(new TripId(id), new UserId("alice"), new TripDetails(title, "", "東京", destinations, start, end), TripStatus.PLANNED, 0, STAMP);
    }

    static CustomerVisit visit(long id, long trip, String company, String location, LocalDateTime at) {
        return new CustomerVisit(new VisitId(id), new TripId(trip), new VisitDetails(company, List.of(), location, at, Duration.ofMinutes(60), "", ""),
                Optional.empty(), 0);
    }

    static ItineraryItem item(LocalDate date, LocalTime start, String title, String place) {
        return new ItineraryItem(date, start, Optional.empty(), ItineraryKind.TRANSPORT, title, place, "");
    }

    /** A week in New York and London in summer (daylight saving on both sides), and a domestic trip to Osaka. */
    static String calendar() {
        Trip abroad = trip(1, "米英出張", List.of("New York", "London"), LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 12));
        Trip osaka = trip(2, "大阪出張", List.of("大阪"), LocalDate.of(2026, 7, 20), LocalDate.of(2026, 7, 20));
        return TripCalendar.write("出張", List.of(
                new TripCalendar.Entry(abroad, List.of(
                        visit(11, 1, "Globex", "Manhattan office", LocalDateTime.of(2026, 7, 7, 10, 0)), // no city named: the trip's first destination
                        visit(12, 1, "Initech", "London, Canary Wharf", LocalDateTime.of(2026, 7, 10, 14, 0))),
                        new Itinerary(List.of(item(LocalDate.of(2026, 7, 6), LocalTime.of(11, 0), "NH10", "成田 → ニューヨーク"),
                                item(LocalDate.of(2026, 7, 9), LocalTime.of(19, 0), "BA178", "ニューヨーク → ロンドン")), Itinerary.Source.USER)),
                new TripCalendar.Entry(osaka, List.of(visit(21, 2, "Acme", "大阪市北区梅田", LocalDateTime.of(2026, 7, 20, 13, 0))),
                        new Itinerary(List.of(), Itinerary.Source.USER))), TOKYO, STAMP);
    }

    static Calendar parsed() throws Exception {
        return new CalendarBuilder().build(new StringReader(calendar()));
    }

    static Map<String, VEvent> eventsByUid(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), e -> e));
    }

    static String tzid(VEvent event) {
        return event.getProperty(Property.DTSTART).orElseThrow().<TzId>getParameter(Parameter.TZID).orElseThrow().getValue();
    }

    /** The instant the event starts, read with the VTIMEZONE of the file (not the JDK's or ical4j's own rules). */
    static Instant start(Calendar calendar, VEvent event) {
        String id = tzid(event);
        VTimeZone definition = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
                .filter(z -> z.getTimeZoneId().getValue().equals(id)).findFirst().orElseThrow();
        LocalDateTime local = LocalDateTime.parse(event.getProperty(Property.DTSTART).orElseThrow().getValue(),
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        var observance = definition.getApplicableObservance(local.atZone(java.time.ZoneOffset.UTC).toInstant().plusSeconds(0));
        return local.toInstant(observance.<net.fortuna.ical4j.model.property.TzOffsetTo>getProperty(Property.TZOFFSETTO).orElseThrow().getOffset());
    }

    @Test void the_export_is_valid_rfc_5545() throws Exception {
        Calendar calendar = parsed();

        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
    }

    @Test void every_time_zone_an_event_uses_is_defined_once_in_the_file() throws Exception {
        Calendar calendar = parsed();

        List<String> defined = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream().map(z -> z.getTimeZoneId().getValue()).toList();
        List<String> used = eventsByUid(calendar).values().stream().filter(e -> e.getProperty(Property.DTSTART).orElseThrow()
                .getParameter(Parameter.TZID).isPresent()).map(TripCalendarZonesTest::tzid).distinct().sorted().toList();
        assertThat(defined).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(used);
        assertThat(used).containsExactly("America/New_York", "Asia/Tokyo", "Europe/London");
    }

    @Test void a_visit_abroad_is_in_the_time_of_its_city_and_one_at_home_in_tokyo_time() throws Exception {
        Calendar calendar = parsed();
        Map<String, VEvent> events = eventsByUid(calendar);

        VEvent manhattan = events.get("visit-11@concierge");
        assertThat(tzid(manhattan)).isEqualTo("America/New_York");
        assertThat(start(calendar, manhattan)).isEqualTo(Instant.parse("2026-07-07T14:00:00Z")); // 10:00 EDT
        VEvent london = events.get("visit-12@concierge");
        assertThat(tzid(london)).isEqualTo("Europe/London");
        assertThat(start(calendar, london)).isEqualTo(Instant.parse("2026-07-10T13:00:00Z")); // 14:00 BST
        VEvent osaka = events.get("visit-21@concierge");
        assertThat(tzid(osaka)).isEqualTo("Asia/Tokyo");
        assertThat(start(calendar, osaka)).isEqualTo(Instant.parse("2026-07-20T04:00:00Z"));
    }

    @Test void a_flight_departs_in_the_time_of_the_place_it_leaves_from() throws Exception {
        Calendar calendar = parsed();
        Map<String, VEvent> events = eventsByUid(calendar);

        VEvent toNewYork = events.values().stream().filter(e -> e.getSummary().getValue().equals("NH10")).findFirst().orElseThrow();
        assertThat(tzid(toNewYork)).isEqualTo("Asia/Tokyo");
        assertThat(start(calendar, toNewYork)).isEqualTo(Instant.parse("2026-07-06T02:00:00Z"));
        VEvent toLondon = events.values().stream().filter(e -> e.getSummary().getValue().equals("BA178")).findFirst().orElseThrow();
        assertThat(tzid(toLondon)).isEqualTo("America/New_York");
        assertThat(start(calendar, toLondon)).isEqualTo(Instant.parse("2026-07-09T23:00:00Z"));
    }

    @Test void places_name_the_city_they_mention_first() {
        assertThat(CityZones.of("シンガポール支社")).contains(ZoneId.of("Asia/Singapore"));
        assertThat(CityZones.of("Paris, La Défense")).contains(ZoneId.of("Europe/Paris"));
        assertThat(CityZones.of("羽田空港 → 上海浦東")).contains(TOKYO);
        assertThat(CityZones.of("本社 3F 会議室")).isEmpty();
        assertThat(CityZones.ofTrip(new TripDetails("t", "", "東京", List.of("大阪", "Singapore"), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 2)), TOKYO)).isEqualTo(ZoneId.of("Asia/Singapore"));
    }
}
