package dev.concierge.domain.tripsupport.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One edition of the company's travel rules, in effect from {@code effectiveFrom} until the next edition: a daily
 * allowance (per-diem) by destination class, a lodging cap per night by destination class (a city or a prefecture),
 * each optionally different per employee grade, a fixed lodging allowance per night, which transport classes are
 * allowed, and the total above which a trip needs approval. Amounts are whole units of the currency (yen by default).
 * Read from a properties file (format in the README, editions in {@link TravelPolicyBook}); the default suits domestic
 * travel in Japan.
 */
public record TravelPolicy(String currency, Map<String, String> cityClasses, String defaultCityClass,
                           Map<String, Long> perDiemByClass, Map<String, Long> lodgingCapByClass,
                           Set<TransportClass> allowedTransport, long approvalThreshold,
                           LocalDate effectiveFrom, Map<String, Map<String, Long>> perDiemByGrade,
                           Map<String, Map<String, Long>> lodgingCapByGrade, long lodgingAllowance,
                           Map<String, Long> lodgingAllowanceByGrade, long minTripDistanceKm) {
    /** The first edition's start when a file names no date: it applies to every trip, however old. */
    public static final LocalDate SINCE_EVER = LocalDate.of(1970, 1, 1);
    public static final String DEFAULT_CURRENCY = "JPY";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    /** An edition with one rate per class for every grade and no lodging allowance. */
    public TravelPolicy(String currency, Map<String, String> cityClasses, String defaultCityClass, Map<String, Long> perDiemByClass,
                        Map<String, Long> lodgingCapByClass, Set<TransportClass> allowedTransport, long approvalThreshold) {
        this(currency, cityClasses, defaultCityClass, perDiemByClass, lodgingCapByClass, allowedTransport, approvalThreshold, SINCE_EVER,
                Map.of(), Map.of(), 0, Map.of(), 0);
    }

    public TravelPolicy {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        perDiemByGrade = deepCopy(perDiemByGrade);
        lodgingCapByGrade = deepCopy(lodgingCapByGrade);
        lodgingAllowanceByGrade = Map.copyOf(lodgingAllowanceByGrade);
        cityClasses = Map.copyOf(cityClasses);
        perDiemByClass = Map.copyOf(perDiemByClass);
        lodgingCapByClass = Map.copyOf(lodgingCapByClass);
        allowedTransport = Set.copyOf(allowedTransport);
        List<String> problems = new ArrayList<>();
        if (currency == null || !CURRENCY.matcher(currency).matches()) problems.add("currency must be a three-letter ISO code such as JPY, got '" + currency + "'");
        Set<String> classes = new TreeSet<>(cityClasses.values());
        classes.add(defaultCityClass);
        for (String cls : classes) {
            if (!perDiemByClass.containsKey(cls)) problems.add("city class " + cls + " needs per.diem." + cls);
            if (!lodgingCapByClass.containsKey(cls)) problems.add("city class " + cls + " needs lodging.cap." + cls);
        }
        perDiemByClass.forEach((cls, amount) -> { if (amount < 0) problems.add("per.diem." + cls + " must not be negative"); });
        lodgingCapByClass.forEach((cls, amount) -> { if (amount < 0) problems.add("lodging.cap." + cls + " must not be negative"); });
        if (allowedTransport.isEmpty()) problems.add("transport.allowed must name at least one transport class");
        if (approvalThreshold < 0) problems.add("approval.threshold must not be negative");
        if (lodgingAllowance < 0) problems.add("lodging.allowance must not be negative");
        if (minTripDistanceKm < 0) problems.add("trip.min.distance.km must not be negative");
        for (var grade : new TreeSet<>(perDiemByGrade.keySet())) {
            for (String cls : new TreeSet<>(perDiemByGrade.get(grade).keySet())) {
                if (!perDiemByClass.containsKey(cls)) problems.add("per.diem." + cls + "." + grade + ": class " + cls + " has no per.diem." + cls);
            }
        }
        for (var grade : new TreeSet<>(lodgingCapByGrade.keySet())) {
            for (String cls : new TreeSet<>(lodgingCapByGrade.get(grade).keySet())) {
                if (!lodgingCapByClass.containsKey(cls)) problems.add("lodging.cap." + cls + "." + grade + ": class " + cls + " has no lodging.cap." + cls);
            }
        }
        if (!problems.isEmpty()) throw new InvalidPolicy(problems);
    }

    /** The class of a city; matching ignores case and surrounding spaces, and unknown cities get the default class. */
    public String classOf(String city) { return cityClasses.getOrDefault(normalise(city), defaultCityClass); }

    public long perDiemFor(String city) { return perDiemByClass.get(classOf(city)); }

    public long lodgingCapFor(String city) { return lodgingCapByClass.get(classOf(city)); }

    /** The grade's own rate where the policy names one, else the class's rate for everyone. */
    public long perDiemFor(String grade, String city) {
        String cls = classOf(city);
        return perDiemByGrade.getOrDefault(grade, Map.of()).getOrDefault(cls, perDiemByClass.get(cls));
    }

    public long lodgingCapFor(String grade, String city) {
        String cls = classOf(city);
        return lodgingCapByGrade.getOrDefault(grade, Map.of()).getOrDefault(cls, lodgingCapByClass.get(cls));
    }

    /**
     * Whether a trip from {@code origin} to these destinations counts as a business trip: some destination is at least
     * {@code trip.min.distance.km} away, or its distance is unknown (then the traveller's word stands).
     */
    public boolean countsAsTrip(String origin, java.util.List<String> destinations) {
        if (minTripDistanceKm == 0) return true;
        return destinations.stream().anyMatch(d -> CityLocations.distanceKm(origin, d).map(km -> km >= minTripDistanceKm).orElse(true));
    }

    /** The fixed allowance per night away (宿泊手当), on top of the hotel's actual cost up to the cap. */
    public long lodgingAllowanceFor(String grade) { return lodgingAllowanceByGrade.getOrDefault(grade, lodgingAllowance); }

    public boolean allows(TransportClass travelClass) { return allowedTransport.contains(travelClass); }

    /**
     * Reads the policy from its properties form, reporting every problem at once, each naming its key: a typo in a
     * key is an error rather than a silently ignored rule.
     */
    public static TravelPolicy parse(Properties properties) { return parse(properties, SINCE_EVER); }

    /** The edition in effect from {@code effectiveFrom}; grade rates are {@code per.diem.<class>.<grade>} and {@code lodging.cap.<class>.<grade>}. */
    public static TravelPolicy parse(Properties properties, LocalDate effectiveFrom) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Long>> perDiemGrades = new LinkedHashMap<>();
        Map<String, Map<String, Long>> lodgingGrades = new LinkedHashMap<>();
        Map<String, Long> allowanceGrades = new LinkedHashMap<>();
        long allowance = 0;
        long minDistance = 0;
        Map<String, String> cities = new LinkedHashMap<>();
        Map<String, Long> perDiem = new LinkedHashMap<>();
        Map<String, Long> lodging = new LinkedHashMap<>();
        Set<TransportClass> allowed = EnumSet.noneOf(TransportClass.class);
        long threshold = 0;
        String currency = DEFAULT_CURRENCY;
        String defaultClass = null;
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key).strip();
            if (key.startsWith("city.class.")) {
                String cls = className(key, "city.class.", problems);
                for (String city : value.split(",")) {
                    if (city.isBlank()) continue;
                    String previous = cities.put(normalise(city), cls);
                    if (previous != null && !previous.equals(cls)) problems.add(key + ": " + city.strip() + " is already in class " + previous);
                }
            } else if (key.startsWith("per.diem.")) {
                graded(key, "per.diem.", amount(key, value, problems), perDiem, perDiemGrades, problems);
            } else if (key.startsWith("lodging.cap.")) {
                graded(key, "lodging.cap.", amount(key, value, problems), lodging, lodgingGrades, problems);
            } else if (key.startsWith("lodging.allowance.")) {
                allowanceGrades.put(className(key, "lodging.allowance.", problems), amount(key, value, problems));
            } else {
                switch (key) {
                    case "currency" -> currency = value.toUpperCase(Locale.ROOT);
                    case "default.city.class" -> defaultClass = value;
                    case "approval.threshold" -> threshold = amount(key, value, problems);
                    case "lodging.allowance" -> allowance = amount(key, value, problems);
                    case "trip.min.distance.km" -> minDistance = amount(key, value, problems);
                    case "transport.allowed" -> {
                        for (String name : value.split(",")) {
                            if (name.isBlank()) continue;
                            try {
                                allowed.add(TransportClass.parse(name));
                            } catch (RuntimeException e) {
                                problems.add("transport.allowed: unknown transport class '" + name.strip() + "' (known: "
                                        + String.join(", ", java.util.Arrays.stream(TransportClass.values()).map(TransportClass::wireName).toList()) + ")");
                            }
                        }
                    }
                    default -> problems.add("unknown key '" + key + "' (known: currency, default.city.class, city.class.<class>, "
                            + "per.diem.<class>[.<grade>], lodging.cap.<class>[.<grade>], lodging.allowance[.<grade>], trip.min.distance.km, transport.allowed, approval.threshold)");
                }
            }
        }
        if (defaultClass == null || defaultClass.isEmpty()) problems.add("default.city.class is required (the class of cities not listed)");
        if (!properties.containsKey("approval.threshold")) problems.add("approval.threshold is required");
        if (!problems.isEmpty()) throw new InvalidPolicy(problems);
        return new TravelPolicy(currency, cities, defaultClass, perDiem, lodging, allowed, threshold, effectiveFrom, perDiemGrades,
                lodgingGrades, allowance, allowanceGrades, minDistance);
    }

    /** {@code <prefix><class>} for every grade, or {@code <prefix><class>.<grade>} for one grade. */
    private static void graded(String key, String prefix, long amount, Map<String, Long> all, Map<String, Map<String, Long>> byGrade,
                               List<String> problems) {
        String rest = key.substring(prefix.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            all.put(className(key, prefix, problems), amount);
            return;
        }
        String cls = rest.substring(0, dot);
        String grade = rest.substring(dot + 1);
        if (!CLASS_NAME.matcher(cls).matches() || !CLASS_NAME.matcher(grade).matches()) {
            problems.add(key + ": a class and a grade are 1 to 20 letters, digits, '-' or '_' each");
        }
        byGrade.computeIfAbsent(grade, g -> new LinkedHashMap<>()).put(cls, amount);
    }

    private static Map<String, Map<String, Long>> deepCopy(Map<String, Map<String, Long>> byGrade) {
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        byGrade.forEach((grade, rates) -> copy.put(grade, Map.copyOf(rates)));
        return Map.copyOf(copy);
    }

    /** Domestic travel in Japan: major cities are class A (higher allowance and hotel cap), elsewhere class B. */
    public static TravelPolicy domesticJapan() {
        Properties p = new Properties();
        p.setProperty("currency", DEFAULT_CURRENCY);
        p.setProperty("city.class.A", "Tokyo,東京,Osaka,大阪,Nagoya,名古屋,Yokohama,横浜,Kyoto,京都,Kobe,神戸,Fukuoka,福岡,Sapporo,札幌");
        p.setProperty("default.city.class", "B");
        p.setProperty("per.diem.A", "3000");
        p.setProperty("per.diem.B", "2500");
        p.setProperty("lodging.cap.A", "14000");
        p.setProperty("lodging.cap.B", "11000");
        p.setProperty("transport.allowed", "economy-air,shinkansen-ordinary,limited-express,local-train,bus,taxi,rental-car");
        p.setProperty("approval.threshold", "150000");
        return parse(p);
    }

    private static String className(String key, String prefix, List<String> problems) {
        String cls = key.substring(prefix.length());
        if (!CLASS_NAME.matcher(cls).matches()) problems.add(key + ": a class name is 1 to 20 letters, digits, '-' or '_'");
        return cls;
    }

    private static long amount(String key, String value, List<String> problems) {
        try {
            long amount = Long.parseLong(value.replace("_", ""));
            if (amount >= 0 && amount <= ExpensePlan.MAX_AMOUNT) return amount;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(key + ": must be a whole amount from 0 to " + ExpensePlan.MAX_AMOUNT + ", got '" + value + "'");
        return 0;
    }

    private static String normalise(String city) { return city == null ? "" : city.strip().toLowerCase(Locale.ROOT); }

    /** The policy is wrong; the message lists every problem, each naming its key. */
    public static final class InvalidPolicy extends RuntimeException {
        private final List<String> problems;

        public InvalidPolicy(List<String> problems) {
            super("Invalid travel policy: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() { return problems; }
    }
}
