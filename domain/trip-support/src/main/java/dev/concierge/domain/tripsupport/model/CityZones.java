package dev.concierge.domain.tripsupport.model;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The time zone of a place, for the calendar: the cities a business trip abroad usually goes to (in English and
 * Japanese, the ones the example policy prices in their currency among them) and the major Japanese cities and airports,
 * which are all {@code Asia/Tokyo}. A place names a city when it contains one of its names; the name mentioned first
 * decides ("東京 → ロンドン" departs in Tokyo's time), the longer one on a tie.
 */
public final class CityZones {
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private static final Map<String, ZoneId> NAMES = new HashMap<>();

    static {
        CityLocations.names().forEach(name -> NAMES.put(name, JAPAN));
        add(JAPAN, "Japan", "日本", "Haneda", "羽田", "Narita", "成田", "Kansai Airport", "関西空港", "関空", "Chubu Centrair", "中部国際空港");
        add("America/New_York", "New York", "ニューヨーク", "Boston", "ボストン", "Washington", "ワシントン", "Atlanta", "アトランタ");
        add("America/Chicago", "Chicago", "シカゴ", "Dallas", "ダラス", "Houston", "ヒューストン");
        add("America/Denver", "Denver", "デンバー");
        add("America/Los_Angeles", "Los Angeles", "ロサンゼルス", "San Francisco", "サンフランシスコ", "San Jose", "サンノゼ",
                "Seattle", "シアトル", "Silicon Valley", "シリコンバレー");
        add("Pacific/Honolulu", "Honolulu", "ホノルル", "Hawaii", "ハワイ");
        add("America/Toronto", "Toronto", "トロント");
        add("America/Vancouver", "Vancouver", "バンクーバー");
        add("America/Mexico_City", "Mexico City", "メキシコシティ");
        add("America/Sao_Paulo", "São Paulo", "Sao Paulo", "サンパウロ");
        add("Europe/London", "London", "ロンドン");
        add("Europe/Paris", "Paris", "パリ");
        add("Europe/Berlin", "Berlin", "ベルリン", "Frankfurt", "フランクフルト", "Munich", "München", "ミュンヘン", "Düsseldorf",
                "Dusseldorf", "デュッセルドルフ", "Hamburg", "ハンブルク");
        add("Europe/Amsterdam", "Amsterdam", "アムステルダム");
        add("Europe/Brussels", "Brussels", "ブリュッセル");
        add("Europe/Zurich", "Zurich", "Zürich", "チューリッヒ", "Geneva", "ジュネーブ");
        add("Europe/Rome", "Milan", "ミラノ", "Rome", "ローマ");
        add("Europe/Madrid", "Madrid", "マドリード", "Barcelona", "バルセロナ");
        add("Europe/Stockholm", "Stockholm", "ストックホルム");
        add("Europe/Helsinki", "Helsinki", "ヘルシンキ");
        add("Asia/Dubai", "Dubai", "ドバイ");
        add("Asia/Kolkata", "Mumbai", "ムンバイ", "Delhi", "デリー", "Bangalore", "Bengaluru", "バンガロール", "Chennai", "チェンナイ");
        add("Asia/Singapore", "Singapore", "シンガポール");
        add("Asia/Bangkok", "Bangkok", "バンコク");
        add("Asia/Kuala_Lumpur", "Kuala Lumpur", "クアラルンプール");
        add("Asia/Jakarta", "Jakarta", "ジャカルタ");
        add("Asia/Manila", "Manila", "マニラ");
        add("Asia/Ho_Chi_Minh", "Ho Chi Minh", "ホーチミン", "Hanoi", "ハノイ");
        add("Asia/Hong_Kong", "Hong Kong", "香港");
        add("Asia/Taipei", "Taipei", "台北");
        add("Asia/Shanghai", "Shanghai", "上海", "Beijing", "北京", "Shenzhen", "深圳", "Guangzhou", "広州");
        add("Asia/Seoul", "Seoul", "ソウル", "Busan", "釜山");
        add("Australia/Sydney", "Sydney", "シドニー");
        add("Australia/Melbourne", "Melbourne", "メルボルン");
        add("Pacific/Auckland", "Auckland", "オークランド");
    }

    private CityZones() {}

    private static void add(String zone, String... names) { add(ZoneId.of(zone), names); }

    private static void add(ZoneId zone, String... names) {
        for (String name : names) NAMES.put(name.toLowerCase(Locale.ROOT), zone);
    }

    /** The zone of the city {@code place} names first, if it names one. */
    public static Optional<ZoneId> of(String place) {
        if (place == null || place.isBlank()) return Optional.empty();
        String text = place.toLowerCase(Locale.ROOT);
        int bestAt = Integer.MAX_VALUE;
        int bestLength = 0;
        ZoneId best = null;
        for (var entry : NAMES.entrySet()) {
            int at = text.indexOf(entry.getKey());
            if (at < 0) continue;
            if (at < bestAt || (at == bestAt && entry.getKey().length() > bestLength)) {
                bestAt = at;
                bestLength = entry.getKey().length();
                best = entry.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A trip's own zone, for what happens on it at a place the table does not know: that of its first destination
     * abroad, else {@code home} (the app's zone, Asia/Tokyo by default).
     */
    public static ZoneId ofTrip(TripDetails trip, ZoneId home) {
        for (String destination : trip.destinations()) {
            Optional<ZoneId> zone = of(destination);
            if (zone.isPresent() && !zone.get().equals(JAPAN)) return zone.get();
        }
        return home;
    }
}
