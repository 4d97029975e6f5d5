package dev.concierge.adapter.file.tripsupport;

import dev.concierge.domain.tripsupport.model.TravelTime;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Travel times from the built-in table of major Japanese cities ({@code travel-times-japan.properties}): a place is
 * placed in the city whose longest name it contains; two cities the table pairs take the table's time; two known
 * cities it does not pair take their straight-line distance at the fallback speed ({@code ROUTE_FALLBACK_SPEED_KMH});
 * within one city, or when a place names no known city, the table's same-city time (the latter marked as assumed).
 */
final class TableTravelTimes implements TravelTimes {
    static final String RESOURCE = "travel-times-japan.properties";

    private record City(String id, double latitude, double longitude) {}

    private record Name(String text, City city) {}

    private final List<Name> names;
    private final Map<String, Duration> pairs;
    private final Duration sameCity;
    private final double fallbackKmh;

    private TableTravelTimes(List<Name> names, Map<String, Duration> pairs, Duration sameCity, double fallbackKmh) {
        this.names = names;
        this.pairs = pairs;
        this.sameCity = sameCity;
        this.fallbackKmh = fallbackKmh;
    }

    static TableTravelTimes builtIn(double fallbackKmh) {
        if (!(fallbackKmh > 0)) throw new IllegalArgumentException("fallback speed must be positive: " + fallbackKmh);
        Properties table = new Properties();
        try (InputStream in = TableTravelTimes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, City> cities = new HashMap<>();
        List<Name> names = new ArrayList<>();
        for (String key : table.stringPropertyNames()) {
            if (!key.startsWith("city.") || !key.endsWith(".at")) continue;
            String id = key.substring("city.".length(), key.length() - ".at".length());
            String[] at = table.getProperty(key).split(",");
            City city = new City(id, Double.parseDouble(at[0].strip()), Double.parseDouble(at[1].strip()));
            cities.put(id, city);
            for (String name : table.getProperty("city." + id + ".names", "").split(",")) {
                if (!name.isBlank()) names.add(new Name(normalise(name), city));
            }
        }
        // Longest name first, so 新大阪 (Osaka) wins over 大阪 and Shin-Yokohama over Yokohama in one scan.
        names.sort(Comparator.comparingInt((Name n) -> -n.text().length()).thenComparing(Name::text));
        Map<String, Duration> pairs = new HashMap<>();
        for (String key : table.stringPropertyNames()) {
            if (!key.startsWith("minutes.")) continue;
            String[] ids = key.substring("minutes.".length()).split("\\.");
            if (ids.length != 2 || !cities.containsKey(ids[0]) || !cities.containsKey(ids[1])) {
                throw new IllegalStateException(RESOURCE + ": " + key + " names an unknown city");
            }
            pairs.put(pair(ids[0], ids[1]), Duration.ofMinutes(Long.parseLong(table.getProperty(key).strip())));
        }
        return new TableTravelTimes(List.copyOf(names), Map.copyOf(pairs),
                Duration.ofMinutes(Long.parseLong(table.getProperty("same-city-minutes", "30").strip())), fallbackKmh);
    }

    @Override public TravelTime between(String from, String to) {
        String a = normalise(from);
        String b = normalise(to);
        if (a.equals(b)) return TravelTime.none();
        Optional<City> first = city(a);
        Optional<City> second = city(b);
        if (first.isEmpty() || second.isEmpty()) return new TravelTime(sameCity, TravelTime.Basis.ASSUMED);
        City x = first.get();
        City y = second.get();
        if (x.equals(y)) return new TravelTime(sameCity, TravelTime.Basis.SAME_CITY);
        Duration listed = pairs.get(pair(x.id(), y.id()));
        if (listed != null) return new TravelTime(listed, TravelTime.Basis.TABLE);
        double hours = kilometres(x, y) / fallbackKmh;
        return new TravelTime(Duration.ofMinutes(Math.round(Math.ceil(hours * 60))), TravelTime.Basis.DISTANCE);
    }

    private Optional<City> city(String place) {
        return names.stream().filter(n -> place.contains(n.text())).map(Name::city).findFirst();
    }

    private static String pair(String a, String b) { return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a; }

    /** Full-width Latin and half-width kana as people type them, case and spaces ignored. */
    private static String normalise(String place) {
        return Normalizer.normalize(place == null ? "" : place, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** Great-circle distance (haversine). */
    private static double kilometres(City a, City b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.latitude())) * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }
}
