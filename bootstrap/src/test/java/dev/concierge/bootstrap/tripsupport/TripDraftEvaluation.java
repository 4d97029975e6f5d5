package dev.concierge.bootstrap.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.concierge.adapter.file.tripsupport.TravelTimesTableModule;
import dev.concierge.adapter.llm.LlmCallMetrics;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.tripsupport.TripSupportLlmModule;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.tripsupport.application.ItineraryRepair;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DraftedItinerary;
import dev.concierge.domain.tripsupport.model.ItineraryRules;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./concierge eval-trip-drafts}: drafts the itinerary of every trip request in the evaluation set (test resources:
 * Japanese and English trips with visits, nights and cities as constraints) with the configured model (LLM_PROVIDER,
 * OLLAMA_MODEL / OPENAI_MODEL, … as the app reads them), through the same drafter, itinerary rules and repair loop
 * (DRAFT_REPAIR_ROUNDS) as the app. Reports the pass rate of first drafts and after repair, the rounds used, and the
 * failures per rule, in the first drafts and in what remained.
 */
public final class TripDraftEvaluation {
    static final String SET = "/eval/trip-drafts.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One trip request's result; {@code drafted} is false when the model gave no usable first draft at all. */
    record CaseResult(String key, String language, boolean drafted, boolean passedFirst, boolean passed, int repairs, int calls,
                      List<String> firstViolations, List<String> remainingViolations, long millis, String failure) {}

    record Report(String provider, String model, String at, int cases, int repairRounds, double passRateFirst, double passRateRepaired,
                  double meanRepairs, Map<String, Integer> firstFailuresByRule, Map<String, Integer> remainingFailuresByRule,
                  List<CaseResult> results) {}

    public static void main(String[] args) throws IOException {
        Settings settings = Settings.from(System.getenv());
        TravelTimes travelTimes = Guice.createInjector(new TravelTimesTableModule(settings.routeFallbackSpeedKmh())).getInstance(TravelTimes.class);
        Report report = run(settings.llm(), settings.draftRepairRounds(), travelTimes);
        print(report, System.out);
        Path out = Path.of(args.length > 0 ? args[0] : "target/eval/trip-drafts-" + report.at().replace(':', '-') + ".json");
        write(report, out);
        System.out.println("report: " + out.toAbsolutePath());
    }

    static void write(Report report, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), report);
    }

    static Report run(LlmConfig config, int repairRounds, TravelTimes travelTimes) throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TripDrafter drafter = Guice.createInjector(new TripSupportLlmModule(), new AbstractModule() {
            @Override protected void configure() {
                bind(LlmConfig.class).toInstance(config);
                bind(LlmCallMetrics.class).toInstance(new LlmCallMetrics(registry, config));
                bind(LlmCallTraces.class).toInstance(LlmCallTraces.off(config));
                bind(Clock.class).toInstance(Clock.systemUTC());
            }
        }).getInstance(TripDrafter.class);
        ItineraryRepair repair = new ItineraryRepair(drafter, travelTimes, repairRounds);
        List<CaseResult> results = new ArrayList<>();
        for (JsonNode item : set()) results.add(evaluate(repair, item, registry));
        int n = results.size();
        return new Report(config.provider().name().toLowerCase(java.util.Locale.ROOT), config.model(), Instant.now().toString(), n, repairRounds,
                n == 0 ? 0 : (double) results.stream().filter(CaseResult::passedFirst).count() / n,
                n == 0 ? 0 : (double) results.stream().filter(CaseResult::passed).count() / n,
                results.stream().filter(CaseResult::drafted).mapToInt(CaseResult::repairs).average().orElse(0),
                byRule(results.stream().flatMap(r -> r.firstViolations().stream()).toList()),
                byRule(results.stream().flatMap(r -> r.remainingViolations().stream()).toList()), results);
    }

    private static CaseResult evaluate(ItineraryRepair repair, JsonNode item, SimpleMeterRegistry registry) {
        JsonNode t = item.get("trip");
        List<String> destinations = new ArrayList<>();
        t.get("destinations").forEach(d -> destinations.add(d.asText()));
        TripDetails trip = new TripDetails(t.get("title").asText(), t.path("purpose").asText(), t.get("origin").asText(), destinations,
                LocalDate.parse(t.get("startDate").asText()), LocalDate.parse(t.get("endDate").asText()));
        List<CustomerVisit> visits = new ArrayList<>();
        for (JsonNode v : item.path("visits")) {
            visits.add(new CustomerVisit(new VisitId(visits.size() + 1), new TripId(1), new VisitDetails(v.get("company").asText(), List.of(),
                    v.get("location").asText(), LocalDateTime.parse(v.get("startsAt").asText()), Duration.ofMinutes(v.get("durationMinutes").asInt()),
                    v.path("agenda").asText(), ""), Optional.empty(), 1));
        }
        Language language = Language.fromTag(item.get("language").asText()).orElseThrow();
        long before = calls(registry);
        Instant started = Instant.now();
        try {
            DraftedItinerary drafted = repair.draft(trip, visits, language);
            return new CaseResult(item.get("key").asText(), language.tag(), true, drafted.rounds().getFirst().passed(), drafted.passed(),
                    drafted.repairs(), (int) (calls(registry) - before), rules(drafted.rounds().getFirst().violations()),
                    rules(drafted.violations()), Duration.between(started, Instant.now()).toMillis(), "");
        } catch (Unavailable e) {
            return new CaseResult(item.get("key").asText(), language.tag(), false, false, false, 0, (int) (calls(registry) - before),
                    List.of(), List.of(), Duration.between(started, Instant.now()).toMillis(), e.getMessage());
        }
    }

    private static List<String> rules(List<ItineraryViolation> violations) { return violations.stream().map(ItineraryViolation::rule).toList(); }

    /** Every rule, in the rules' own order, with how many violations of it were counted (zero included, for comparing runs). */
    private static Map<String, Integer> byRule(List<String> rules) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ItineraryRules.RULES.forEach(rule -> counts.put(rule, (int) rules.stream().filter(rule::equals).count()));
        return counts;
    }

    private static long calls(SimpleMeterRegistry registry) {
        return registry.find("llm.calls").timers().stream().mapToLong(Timer::count).sum();
    }

    static JsonNode set() throws IOException {
        try (InputStream in = TripDraftEvaluation.class.getResourceAsStream(SET)) {
            if (in == null) throw new IOException(SET + " is missing from the test resources");
            return JSON.readTree(in);
        }
    }

    static void print(Report r, PrintStream out) {
        out.printf("trip draft evaluation · %s %s · %d trip requests · up to %d repair rounds%n", r.provider(), r.model(), r.cases(), r.repairRounds());
        out.printf("%-14s %-4s %-6s %-7s %-7s %-5s %-7s %s%n", "case", "lang", "first", "final", "repairs", "calls", "ms", "first-draft violations → remaining");
        for (CaseResult c : r.results()) {
            out.printf("%-14s %-4s %-6s %-7s %-7s %-5d %-7d %s%n", c.key(), c.language(), mark(c.drafted(), c.passedFirst()), mark(c.drafted(), c.passed()),
                    c.drafted() ? String.valueOf(c.repairs()) : "-", c.calls(), c.millis(),
                    c.drafted() ? String.join(",", c.firstViolations()) + " → " + String.join(",", c.remainingViolations()) : "no draft: " + c.failure());
        }
        out.printf("pass rate: first draft %.0f%% · after repair %.0f%% · mean repairs %.2f%n", r.passRateFirst() * 100, r.passRateRepaired() * 100, r.meanRepairs());
        out.printf("failures per rule (first drafts): %s%n", r.firstFailuresByRule());
        out.printf("failures per rule (remaining):    %s%n", r.remainingFailuresByRule());
    }

    private static String mark(boolean drafted, boolean passed) { return !drafted ? "none" : passed ? "pass" : "fail"; }

    private TripDraftEvaluation() {}
}
