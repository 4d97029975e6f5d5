package dev.concierge.domain.tripsupport.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every edition of the travel policy, each in effect from its date until the next: a change applies from its date and
 * a trip keeps the rules of the edition in effect when it starts. A trip before the first edition gets the first.
 *
 * <p>In properties form, keys without a prefix are the first edition (from {@code effective.from}, else
 * {@link TravelPolicy#SINCE_EVER}); {@code from.<yyyy-mm-dd>.<key>} starts a new edition that repeats the previous one
 * with those keys changed. {@code rate.<ISO>.<yyyy-mm-dd>} keys are the {@link ExchangeRates}.
 */
public record TravelPolicyBook(List<TravelPolicy> editions, ExchangeRates rates) {
    private static final Pattern EDITION_KEY = Pattern.compile("from\\.(\\d{4}-\\d{2}-\\d{2})\\.(.+)");

    public TravelPolicyBook(List<TravelPolicy> editions) { this(editions, ExchangeRates.none()); }

    public TravelPolicyBook {
        java.util.Objects.requireNonNull(rates, "rates");
        editions = editions.stream().sorted(Comparator.comparing(TravelPolicy::effectiveFrom)).toList();
        if (editions.isEmpty()) throw new TravelPolicy.InvalidPolicy(List.of("the policy has no edition"));
        for (int i = 1; i < editions.size(); i++) {
            if (editions.get(i).effectiveFrom().equals(editions.get(i - 1).effectiveFrom())) {
                throw new TravelPolicy.InvalidPolicy(List.of("two editions take effect on " + editions.get(i).effectiveFrom()));
            }
        }
    }

    public static TravelPolicyBook of(TravelPolicy only) { return new TravelPolicyBook(List.of(only)); }

    /** The edition in effect on {@code date}. */
    public TravelPolicy effectiveOn(LocalDate date) {
        TravelPolicy found = editions.getFirst();
        for (TravelPolicy edition : editions) if (!edition.effectiveFrom().isAfter(date)) found = edition;
        return found;
    }

    public TravelPolicy latest() { return editions.getLast(); }

    /** Reads every edition, reporting every problem of every edition at once, each naming its key. */
    public static TravelPolicyBook parse(Properties properties) {
        List<String> problems = new ArrayList<>();
        Properties base = new Properties();
        Map<LocalDate, Properties> changes = new TreeMap<>();
        LocalDate first = TravelPolicy.SINCE_EVER;
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            Matcher edition = EDITION_KEY.matcher(key);
            if (key.startsWith("rate.")) {
                continue; // the exchange rates, read below: they change on their own dates, not with an edition
            } else if (key.equals("effective.from")) {
                first = date(key, value.strip(), problems);
            } else if (edition.matches()) {
                LocalDate from = date(key, edition.group(1), problems);
                changes.computeIfAbsent(from, d -> new Properties()).setProperty(edition.group(2), value);
            } else if (key.startsWith("from.")) {
                problems.add(key + ": an edition's key is from.<yyyy-mm-dd>.<key>");
            } else {
                base.setProperty(key, value);
            }
        }
        List<TravelPolicy> editions = new ArrayList<>();
        Map<LocalDate, Properties> all = new LinkedHashMap<>();
        all.put(first, base);
        Properties current = base;
        for (var change : changes.entrySet()) {
            if (!change.getKey().isAfter(first)) {
                problems.add("from." + change.getKey() + ": an edition must start after the first one (" + first + ")");
                continue;
            }
            Properties next = new Properties();
            next.putAll(current);
            next.putAll(change.getValue());
            all.put(change.getKey(), next);
            current = next;
        }
        for (var edition : all.entrySet()) {
            try {
                editions.add(TravelPolicy.parse(edition.getValue(), edition.getKey()));
            } catch (TravelPolicy.InvalidPolicy e) {
                String where = edition.getKey().equals(first) ? "" : "edition from " + edition.getKey() + ": ";
                e.problems().forEach(problem -> problems.add(where + problem));
            }
        }
        ExchangeRates rates = ExchangeRates.parse(properties, problems);
        if (!problems.isEmpty()) throw new TravelPolicy.InvalidPolicy(problems);
        return new TravelPolicyBook(editions, rates);
    }

    private static LocalDate date(String key, String text, List<String> problems) {
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            problems.add(key + ": '" + text + "' is not a date (yyyy-mm-dd)");
            return TravelPolicy.SINCE_EVER;
        }
    }
}
