package dev.concierge.domain.tripsupport.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dated table of exchange rates into the policy's currency: each rate holds from its date until the next one for
 * that currency. {@code rate.USD.2026-04-01=150.25} says one US dollar is worth 150.25 of the policy's currency from
 * that day. A date before a currency's first rate has no rate.
 */
public record ExchangeRates(Map<String, NavigableMap<LocalDate, BigDecimal>> rates) {
    private static final Pattern KEY = Pattern.compile("rate\\.([A-Z]{3})\\.(\\d{4}-\\d{2}-\\d{2})");

    public ExchangeRates {
        Map<String, NavigableMap<LocalDate, BigDecimal>> copy = new TreeMap<>();
        rates.forEach((currency, table) -> copy.put(currency, java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(table))));
        rates = java.util.Collections.unmodifiableMap(copy);
    }

    public static ExchangeRates none() { return new ExchangeRates(Map.of()); }

    /** One rate: home-currency units per unit of the foreign currency, and the day it took effect. */
    public record Rate(BigDecimal perUnit, LocalDate since) {}

    public Optional<Rate> on(String currency, LocalDate date) {
        NavigableMap<LocalDate, BigDecimal> table = rates.get(currency);
        if (table == null) return Optional.empty();
        var entry = table.floorEntry(date);
        return entry == null ? Optional.empty() : Optional.of(new Rate(entry.getValue(), entry.getKey()));
    }

    /** The amount in the home currency, rounded half up to a whole unit. */
    public static long convert(long amount, Rate rate) {
        return rate.perUnit().multiply(BigDecimal.valueOf(amount)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Reads every {@code rate.<ISO>.<yyyy-mm-dd>} key, adding a problem per bad one. */
    static ExchangeRates parse(Properties properties, List<String> problems) {
        Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("rate.")) continue;
            Matcher m = KEY.matcher(key);
            String value = properties.getProperty(key).strip();
            if (!m.matches()) {
                problems.add(key + ": a rate's key is rate.<ISO code>.<yyyy-mm-dd>, e.g. rate.USD.2026-04-01");
                continue;
            }
            try {
                LocalDate date = LocalDate.parse(m.group(2));
                BigDecimal perUnit = new BigDecimal(value);
                if (perUnit.signum() <= 0) throw new NumberFormatException();
                rates.computeIfAbsent(m.group(1), c -> new TreeMap<>()).put(date, perUnit);
            } catch (RuntimeException e) {
                problems.add(key + ": needs a valid date and a positive rate such as 150.25, got '" + value + "'");
            }
        }
        return new ExchangeRates(rates);
    }

    List<String> currencies() { return new ArrayList<>(rates.keySet()); }
}
