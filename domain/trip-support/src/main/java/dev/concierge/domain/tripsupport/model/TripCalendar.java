package dev.concierge.domain.tripsupport.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trips as an iCalendar (RFC 5545) document: each trip as an all-day event over its dates, each visit and itinerary
 * item as a timed event in the time zone of its place ({@link CityZones}: a visit in London at 10:00 is 10:00 London
 * time), else of the trip (its first destination abroad, else the home zone), with a VTIMEZONE for every zone used,
 * written from the JDK's own rules.
 * <p>
 * Written by hand rather than with ical4j: the subset needed is small (VEVENT, VTIMEZONE, TEXT escaping, line folding),
 * and ical4j would bring its own copy of the time-zone database and a cache directory to configure, when the JDK's
 * rules already decide how every other time in the app is read. UIDs are stable, so a subscribed calendar updates an
 * event instead of adding a copy.
 */
public final class TripCalendar {
    /** One trip with what happens on it. */
    public record Entry(Trip trip, List<CustomerVisit> visits, Itinerary itinerary) {}

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();
    private final ZoneId home;
    private final String stamp;

    private TripCalendar(ZoneId home, Instant stamp) {
        this.home = home;
        this.stamp = UTC.format(stamp);
    }

    /**
     * {@code name} is the calendar's display name; {@code home} the zone of places at home (and of the calendar);
     * {@code stamp} when the document was made (DTSTAMP).
     */
    public static String write(String name, List<Entry> entries, ZoneId home, Instant stamp) {
        TripCalendar calendar = new TripCalendar(home, stamp);
        calendar.line("BEGIN:VCALENDAR");
        calendar.line("VERSION:2.0");
        calendar.line("PRODID:-//Concierge//Trip support//EN");
        calendar.line("CALSCALE:GREGORIAN");
        // No METHOD: with METHOD:PUBLISH the file would be an iTIP message (RFC 5546), whose events need an ORGANIZER.
        calendar.line("X-WR-CALNAME:" + text(name));
        calendar.line("X-WR-TIMEZONE:" + home.getId());
        for (ZoneId zone : calendar.zones(entries)) calendar.timeZone(zone, entries);
        for (Entry entry : entries) calendar.trip(entry);
        calendar.line("END:VCALENDAR");
        return calendar.out.toString();
    }

    private void trip(Entry entry) {
        Trip trip = entry.trip();
        TripDetails d = trip.details();
        line("BEGIN:VEVENT");
        line("UID:trip-" + trip.id() + "@concierge");
        line("DTSTAMP:" + stamp);
        line("DTSTART;VALUE=DATE:" + DATE.format(d.startDate()));
        line("DTEND;VALUE=DATE:" + DATE.format(d.endDate().plusDays(1))); // exclusive for all-day events
        line("SUMMARY:" + text(d.title()));
        line("LOCATION:" + text(String.join(", ", d.destinations())));
        if (!d.purpose().isEmpty()) line("DESCRIPTION:" + text(d.purpose()));
        line("STATUS:" + (trip.status() == TripStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
        for (CustomerVisit visit : entry.visits()) {
            VisitDetails v = visit.details();
            ZoneId zone = zoneOf(v.location(), d);
            line("BEGIN:VEVENT");
            line("UID:visit-" + visit.id() + "@concierge");
            line("DTSTAMP:" + stamp);
            line("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(v.startsAt()));
            line("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(v.endsAt()));
            line("SUMMARY:" + text(v.company()));
            line("LOCATION:" + text(v.location()));
            List<String> about = new ArrayList<>();
            if (!v.contacts().isEmpty()) about.add(String.join(", ", v.contacts()));
            if (!v.agenda().isEmpty()) about.add(v.agenda());
            if (!about.isEmpty()) line("DESCRIPTION:" + text(String.join("\n", about)));
            line("END:VEVENT");
        }
        List<ItineraryItem> items = entry.itinerary().items();
        for (int i = 0; i < items.size(); i++) {
            ItineraryItem item = items.get(i);
            ZoneId zone = zoneOf(item.place(), d);
            LocalDateTime start = item.date().atTime(item.start());
            line("BEGIN:VEVENT");
            // The itinerary is replaced whole, so an item has no id of its own: its day, time and place in the list stand in.
            line("UID:itinerary-" + trip.id() + "-" + DATE.format(item.date()) + "-" + item.start().toString().replace(":", "") + "-" + i + "@concierge");
            line("DTSTAMP:" + stamp);
            line("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(start));
            Optional<LocalDateTime> end = item.end().map(e -> e.isBefore(item.start()) ? item.date().plusDays(1).atTime(e) : item.date().atTime(e));
            end.ifPresent(e -> line("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(e)));
            line("SUMMARY:" + text(item.title()));
            if (!item.place().isEmpty()) line("LOCATION:" + text(item.place()));
            if (!item.notes().isEmpty()) line("DESCRIPTION:" + text(item.notes()));
            line("CATEGORIES:" + item.kind().wireName().toUpperCase(java.util.Locale.ROOT));
            line("END:VEVENT");
        }
    }

    /** Every zone an event of {@code entries} is in, each once, in the order met. */
    private List<ZoneId> zones(List<Entry> entries) {
        java.util.Set<ZoneId> zones = new java.util.LinkedHashSet<>();
        for (Entry entry : entries) {
            TripDetails d = entry.trip().details();
            entry.visits().forEach(v -> zones.add(zoneOf(v.details().location(), d)));
            entry.itinerary().items().forEach(item -> zones.add(zoneOf(item.place(), d)));
        }
        if (zones.isEmpty()) zones.add(home); // X-WR-TIMEZONE names it: an empty calendar still defines it
        return List.copyOf(zones);
    }

    private ZoneId zoneOf(String place, TripDetails trip) { return CityZones.of(place).orElseGet(() -> CityZones.ofTrip(trip, home)); }

    /**
     * The zone's offsets over the years the events span (a year either side): a first observance, then each transition
     * as its own observance starting at its local time before the change. A zone without transitions (Asia/Tokyo) gets
     * one observance.
     */
    private void timeZone(ZoneId zone, List<Entry> entries) {
        LocalDate first = entries.stream().map(e -> e.trip().details().startDate()).min(LocalDate::compareTo).orElse(LocalDate.of(2000, 1, 1));
        LocalDate last = entries.stream().map(e -> e.trip().details().endDate()).max(LocalDate::compareTo).orElse(first);
        ZoneRules rules = zone.getRules();
        Instant from = first.minusYears(1).withDayOfYear(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = last.plusYears(1).withDayOfYear(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        line("BEGIN:VTIMEZONE");
        line("TZID:" + zone.getId());
        ZoneOffset initial = rules.getOffset(from);
        observance(rules.isDaylightSavings(from), LocalDateTime.ofInstant(from, initial), initial, initial);
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(until); t = rules.nextTransition(t.getInstant())) {
            observance(rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter());
        }
        line("END:VTIMEZONE");
    }

    private void observance(boolean daylight, LocalDateTime start, ZoneOffset from, ZoneOffset to) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        line("BEGIN:" + kind);
        line("DTSTART:" + LOCAL.format(start));
        line("TZOFFSETFROM:" + offset(from));
        line("TZOFFSETTO:" + offset(to));
        line("END:" + kind);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        String text = String.format("%s%02d%02d", seconds < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? text : text + String.format("%02d", abs % 60);
    }

    /** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n");
    }

    /** One content line, folded at 75 octets (RFC 5545 3.1) without splitting a UTF-8 character. */
    private void line(String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }
}
