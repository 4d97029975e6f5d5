package dev.concierge.domain.tripsupport.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The company's travel rules: a daily allowance (per-diem) by destination class, a lodging cap per night by city
 * class, which transport classes are allowed, and the total above which a trip needs approval. Read from a
 * properties file (see {@code travel-policy.properties} in the README); the default suits domestic travel in Japan.
 */
public record TravelPolicy(String currency, Map<String, String> cityClasses, String defaultCityClass,
                           Map<String, Long> perDiemByClass, Map<String, Long> lodgingCapByClass,
                           Set<TransportClass> allowedTransport, long approvalThreshold) {

    public TravelPolicy {
        cityClasses = Map.copyOf(cityClasses);
        perDiemByClass = Map.copyOf(perDiemByClass);
        lodgingCapByClass = Map.copyOf(lodgingCapByClass);
        allowedTransport = Set.copyOf(allowedTransport);
        if (!perDiemByClass.containsKey(defaultCityClass) || !lodgingCapByClass.containsKey(defaultCityClass)) {
            throw new InvalidPolicy("the default city class " + defaultCityClass + " needs per.diem." + defaultCityClass
                    + " and lodging.cap." + defaultCityClass);
        }
        for (String cls : cityClasses.values()) {
            if (!perDiemByClass.containsKey(cls) || !lodgingCapByClass.containsKey(cls)) {
                throw new InvalidPolicy("city class " + cls + " needs per.diem." + cls + " and lodging.cap." + cls);
            }
        }
        if (approvalThreshold < 0) throw new InvalidPolicy("approval.threshold must not be negative");
    }

    /** The class of a city; matching ignores case and surrounding spaces, and unknown cities get the default class. */
    public String classOf(String city) {
        return cityClasses.getOrDefault(normalise(city), defaultCityClass);
    }

    public long perDiemFor(String city) { return perDiemByClass.get(classOf(city)); }

    public long lodgingCapFor(String city) { return lodgingCapByClass.get(classOf(city)); }

    public static TravelPolicy parse(Properties properties) {
        try {
            Map<String, String> cities = new LinkedHashMap<>();
            Map<String, Long> perDiem = new LinkedHashMap<>();
            Map<String, Long> lodging = new LinkedHashMap<>();
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key).strip();
                if (key.startsWith("city.class.")) {
                    String cls = key.substring("city.class.".length());
                    for (String city : value.split(",")) if (!city.isBlank()) cities.put(normalise(city), cls);
                } else if (key.startsWith("per.diem.")) {
                    perDiem.put(key.substring("per.diem.".length()), Long.parseLong(value));
                } else if (key.startsWith("lodging.cap.")) {
                    lodging.put(key.substring("lodging.cap.".length()), Long.parseLong(value));
                }
            }
            Set<TransportClass> allowed = EnumSet.noneOf(TransportClass.class);
            for (String name : properties.getProperty("transport.allowed", "").split(",")) {
                if (!name.isBlank()) allowed.add(TransportClass.parse(name));
            }
            return new TravelPolicy(properties.getProperty("currency", "JPY").strip(), cities,
                    properties.getProperty("default.city.class", "B").strip(), perDiem, lodging, allowed,
                    Long.parseLong(properties.getProperty("approval.threshold", "0").strip()));
        } catch (RuntimeException e) {
            if (e instanceof InvalidPolicy) throw e;
            throw new InvalidPolicy(e.getMessage());
        }
    }

    /** Domestic travel in Japan: major cities are class A (higher allowance and hotel cap), elsewhere class B. */
    public static TravelPolicy domesticJapan() {
        Properties p = new Properties();
        p.setProperty("currency", "JPY");
        p.setProperty("city.class.A", "Tokyo,東京,Osaka,大阪,Nagoya,名古屋,Yokohama,横浜,Kyoto,京都,Kobe,神戸,Fukuoka,福岡,Sapporo,札幌");
        p.setProperty("default.city.class", "B");
        p.setProperty("per.diem.A", "3000");
        p.setProperty("per.diem.B", "2500");
        p.setProperty("lodging.cap.A", "14000");
        p.setProperty("lodging.cap.B", "11000");
        p.setProperty("transport.allowed", Arrays.stream(new TransportClass[] {TransportClass.ECONOMY_AIR,
                TransportClass.SHINKANSEN_ORDINARY, TransportClass.LIMITED_EXPRESS, TransportClass.LOCAL_TRAIN,
                TransportClass.BUS, TransportClass.TAXI, TransportClass.RENTAL_CAR}).map(TransportClass::wireName)
                .collect(Collectors.joining(",")));
        p.setProperty("approval.threshold", "150000");
        return parse(p);
    }

    private static String normalise(String city) { return city == null ? "" : city.strip().toLowerCase(Locale.ROOT); }

    /** The policy file is wrong; the message names the key. */
    public static final class InvalidPolicy extends RuntimeException {
        public InvalidPolicy(String message) { super("Invalid travel policy: " + message); }
    }
}
