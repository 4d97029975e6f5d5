package dev.concierge.bootstrap.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.concierge.adapter.llm.LlmCallMetrics;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.testcasegeneration.TestCaseGenerationLlmModule;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.StepChecks;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./concierge eval-procedures}: runs the procedure generator against the configured model (LLM_PROVIDER,
 * OLLAMA_MODEL / OPENAI_MODEL, … as the app reads them) over the evaluation set in test resources (Japanese and English
 * cases with reviewed procedures) and reports per case whether the output was schema-valid, how many model calls it
 * took (retries), its deterministic step-check score beside the reviewed procedure's, and how long it took. Compare
 * models and prompt versions on your own hardware by running it once per setting.
 */
public final class ProcedureEvaluation {
    static final String SET = "/eval/procedures.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One case's result; {@code score} is -1 when no usable procedure came back. */
    record CaseResult(String key, String language, boolean schemaValid, int calls, int retries, int score, int reviewedScore,
                      int steps, int reviewedSteps, long millis, String failure) {}

    record Report(String provider, String model, String at, int cases, double schemaValidRate, double meanScore,
                  double meanReviewedScore, double meanRetries, List<CaseResult> results) {}

    public static void main(String[] args) throws IOException {
        LlmConfig config = Settings.from(System.getenv()).llm();
        Report report = run(config);
        print(report, System.out);
        Path out = Path.of(args.length > 0 ? args[0] : "target/eval/procedures-" + report.at().replace(':', '-') + ".json");
        write(report, out);
        System.out.println("report: " + out.toAbsolutePath());
    }

    static void write(Report report, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), report);
    }

    static Report run(LlmConfig config) throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProcedureGenerator generator = Guice.createInjector(new TestCaseGenerationLlmModule(), new AbstractModule() {
            @Override protected void configure() {
                bind(LlmConfig.class).toInstance(config);
                bind(LlmCallMetrics.class).toInstance(new LlmCallMetrics(registry, config));
                bind(LlmCallTraces.class).toInstance(LlmCallTraces.off(config));
                bind(dev.concierge.adapter.llm.LlmReachability.class).toInstance(new dev.concierge.adapter.llm.LlmReachability(config));
            }
        }).getInstance(ProcedureGenerator.class);
        List<CaseResult> results = new ArrayList<>();
        for (JsonNode item : set()) results.add(evaluate(generator, item, registry));
        int valid = (int) results.stream().filter(CaseResult::schemaValid).count();
        return new Report(config.provider().name().toLowerCase(java.util.Locale.ROOT), config.model(), Instant.now().toString(), results.size(),
                results.isEmpty() ? 0 : (double) valid / results.size(),
                results.stream().filter(CaseResult::schemaValid).mapToInt(CaseResult::score).average().orElse(0),
                results.stream().mapToInt(CaseResult::reviewedScore).average().orElse(0),
                results.stream().mapToInt(CaseResult::retries).average().orElse(0), results);
    }

    private static CaseResult evaluate(ProcedureGenerator generator, JsonNode item, SimpleMeterRegistry registry) {
        TestCaseContent content = new TestCaseContent(new TestCaseKey(item.get("key").asText()), item.get("title").asText(),
                item.path("preconditions").asText(), item.path("expectedResult").asText(), item.path("requirementReference").asText(),
                item.path("requirementText").asText(), Priority.MEDIUM, List.of());
        List<Step> reviewedSteps = new ArrayList<>();
        item.get("reviewed").forEach(s -> reviewedSteps.add(new Step(s.get("action").asText(), s.get("expectedResult").asText(),
                Optional.of(s.path("testData").asText("")))));
        Procedure reviewed = new Procedure(reviewedSteps);
        int reviewedScore = StepChecks.check(reviewed, content).score();
        long before = calls(registry);
        Instant started = Instant.now();
        Optional<Procedure> generated = Optional.empty();
        String failure = "";
        try {
            generated = Optional.of(generator.generate(new ProcedureGenerator.Request(content.key().value(), content.title(),
                    content.preconditions(), content.expectedResult(), content.requirementReference(), content.requirementText(),
                    content.language(), Optional.empty())));
        } catch (ProcedureGenerator.GenerationFailed | ProcedureGenerator.GenerationUnavailable e) {
            failure = e.getMessage();
        }
        long millis = Duration.between(started, Instant.now()).toMillis();
        int calls = (int) (calls(registry) - before);
        return new CaseResult(content.key().value(), content.language().tag(), generated.isPresent(), calls, Math.max(0, calls - 1),
                generated.map(p -> StepChecks.check(p, content).score()).orElse(-1), reviewedScore,
                generated.map(p -> p.steps().size()).orElse(0), reviewed.steps().size(), millis, failure);
    }

    private static long calls(SimpleMeterRegistry registry) {
        return registry.find("llm.calls").timers().stream().mapToLong(Timer::count).sum();
    }

    static JsonNode set() throws IOException {
        try (InputStream in = ProcedureEvaluation.class.getResourceAsStream(SET)) {
            if (in == null) throw new IOException(SET + " is missing from the test resources");
            return JSON.readTree(in);
        }
    }

    static void print(Report r, PrintStream out) {
        out.printf("procedure evaluation · %s %s · %d cases%n", r.provider(), r.model(), r.cases());
        out.printf("%-14s %-3s %-6s %-7s %-6s %-9s %-6s %s%n", "case", "lang", "valid", "retries", "score", "reviewed", "steps", "ms");
        for (CaseResult c : r.results()) {
            out.printf("%-14s %-3s %-6s %-7d %-6s %-9d %-6s %d%s%n", c.key(), c.language(), c.schemaValid() ? "yes" : "no", c.retries(),
                    c.schemaValid() ? String.valueOf(c.score()) : "-", c.reviewedScore(), c.steps() + "/" + c.reviewedSteps(), c.millis(),
                    c.failure().isEmpty() ? "" : "  " + c.failure());
        }
        out.printf("schema-valid %.0f%% · mean score %.1f (reviewed %.1f) · mean retries %.2f%n", r.schemaValidRate() * 100,
                r.meanScore(), r.meanReviewedScore(), r.meanRetries());
    }

    private ProcedureEvaluation() {}
}
