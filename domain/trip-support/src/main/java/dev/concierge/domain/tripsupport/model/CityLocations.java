package dev.concierge.domain.tripsupport.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where major Japanese cities are (their main station, to a few hundred metres), in English and Japanese, for the
 * policy's distance threshold: how far a destination is from the origin as the crow flies. A city not listed has no
 * known distance, and the threshold does not apply to it.
 */
public final class CityLocations {
    private record Point(double lat, double lon) {}

    private static final Map<String, Point> CITIES = new HashMap<>();

    static {
        add(35.681, 139.767, "Tokyo", "東京", "東京都");
        add(35.466, 139.622, "Yokohama", "横浜");
        add(35.531, 139.697, "Kawasaki", "川崎");
        add(35.906, 139.624, "Saitama", "さいたま", "大宮");
        add(35.613, 140.113, "Chiba", "千葉");
        add(35.171, 136.882, "Nagoya", "名古屋");
        add(34.702, 135.496, "Osaka", "大阪", "大阪府", "Umeda", "梅田");
        add(34.733, 135.500, "Shin-Osaka", "新大阪");
        add(34.985, 135.759, "Kyoto", "京都", "京都府");
        add(34.679, 135.178, "Kobe", "神戸");
        add(34.685, 135.805, "Nara", "奈良");
        add(34.397, 132.475, "Hiroshima", "広島");
        add(34.666, 133.918, "Okayama", "岡山");
        add(33.590, 130.421, "Fukuoka", "福岡", "Hakata", "博多");
        add(32.790, 130.689, "Kumamoto", "熊本");
        add(31.584, 130.541, "Kagoshima", "鹿児島");
        add(26.212, 127.679, "Naha", "那覇", "Okinawa", "沖縄");
        add(43.069, 141.351, "Sapporo", "札幌");
        add(38.260, 140.882, "Sendai", "仙台");
        add(37.912, 139.062, "Niigata", "新潟");
        add(36.578, 136.648, "Kanazawa", "金沢");
        add(34.972, 138.389, "Shizuoka", "静岡");
        add(34.704, 137.735, "Hamamatsu", "浜松");
        add(36.391, 139.060, "Takasaki", "高崎");
        add(35.469, 133.050, "Matsue", "松江");
        add(33.840, 132.752, "Matsuyama", "松山");
        add(34.350, 134.047, "Takamatsu", "高松");
    }

    private CityLocations() {}

    private static void add(double lat, double lon, String... names) {
        for (String name : names) CITIES.put(name.toLowerCase(Locale.ROOT), new Point(lat, lon));
    }

    /** Great-circle distance in whole kilometres, when both cities are known. */
    public static Optional<Long> distanceKm(String from, String to) {
        Point a = CITIES.get(normalise(from));
        Point b = CITIES.get(normalise(to));
        if (a == null || b == null) return Optional.empty();
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return Optional.of(Math.round(2 * 6371.0 * Math.asin(Math.sqrt(h))));
    }

    /** Every name a city is known by, lower-cased (for {@link CityZones}: these are all in Japan). */
    static java.util.Set<String> names() { return java.util.Collections.unmodifiableSet(CITIES.keySet()); }

    private static String normalise(String city) { return city == null ? "" : city.strip().toLowerCase(Locale.ROOT); }
}
