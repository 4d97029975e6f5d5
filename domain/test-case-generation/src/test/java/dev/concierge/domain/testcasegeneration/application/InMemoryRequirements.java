package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CaseKind;
import dev.concierge.domain.testcasegeneration.model.CaseRef;
import dev.concierge.domain.testcasegeneration.model.CaseTrace;
import dev.concierge.domain.testcasegeneration.model.GeneratedCase;
import dev.concierge.domain.testcasegeneration.model.NewRequirement;
import dev.concierge.domain.testcasegeneration.model.Provenance;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.RequirementId;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.SuiteSettings;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.out.CaseGenerator;
import dev.concierge.domain.testcasegeneration.port.out.RequirementRepository;
import dev.concierge.domain.testcasegeneration.port.out.SuiteSettingsRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory fakes of the requirement, settings and case-generator ports, behaving as their contracts say. */
final class InMemoryRequirements {
    private InMemoryRequirements() {}

    static final class Requirements implements RequirementRepository {
        private final Map<RequirementId, Requirement> requirements = new LinkedHashMap<>();
        private final Map<TestCaseId, CaseTrace> traces = new LinkedHashMap<>();
        private final AtomicLong ids = new AtomicLong();
        private final InMemoryPorts.TestCases cases;

        Requirements(InMemoryPorts.TestCases cases) { this.cases = cases; }

        @Override public Requirement save(SuiteId suite, NewRequirement requirement, Instant at) {
            RequirementId id = findByReference(suite, requirement.reference()).map(Requirement::id)
                    .orElseGet(() -> new RequirementId(ids.incrementAndGet()));
            Requirement saved = new Requirement(id, suite, requirement, at);
            requirements.put(id, saved);
            return saved;
        }

        @Override public Optional<Requirement> find(RequirementId id) { return Optional.ofNullable(requirements.get(id)); }

        @Override public Optional<Requirement> findByReference(SuiteId suite, String reference) {
            return requirements.values().stream().filter(r -> r.suite().equals(suite) && r.reference().equals(reference)).findFirst();
        }

        @Override public List<Requirement> inSuite(SuiteId suite) {
            return requirements.values().stream().filter(r -> r.suite().equals(suite)).sorted(Comparator.comparing(Requirement::reference)).toList();
        }

        @Override public boolean delete(RequirementId id) {
            traces.values().removeIf(t -> t.requirement().equals(id));
            return requirements.remove(id) != null;
        }

        @Override public void trace(CaseTrace trace) { traces.put(trace.testCase(), trace); }

        @Override public Optional<CaseTrace> traceOf(TestCaseId testCase) { return Optional.ofNullable(traces.get(testCase)); }

        @Override public List<CaseTrace> tracesOf(RequirementId requirement) {
            return traces.values().stream().filter(t -> t.requirement().equals(requirement)).toList();
        }

        @Override public List<CaseTrace> tracesInSuite(SuiteId suite) {
            return traces.values().stream().filter(t -> requirements.get(t.requirement()).suite().equals(suite)).toList();
        }

        @Override public List<CaseRef> tracedCases(SuiteId suite) {
            return cases.inSuite(suite, java.util.Set.of()).stream().filter(c -> traces.containsKey(c.id())).map(InMemoryRequirements::ref).toList();
        }

        @Override public List<CaseRef> untracedCases(SuiteId suite, int limit) {
            return untraced(suite).stream().limit(limit).map(InMemoryRequirements::ref).toList();
        }

        @Override public long countUntraced(SuiteId suite) { return untraced(suite).size(); }

        private List<TestCase> untraced(SuiteId suite) {
            return cases.inSuite(suite, java.util.Set.of()).stream().filter(c -> !traces.containsKey(c.id()))
                    .filter(c -> findByReference(suite, c.content().requirementReference()).isEmpty()).toList();
        }
    }

    static CaseRef ref(TestCase c) { return new CaseRef(c.id(), c.content().key(), c.content().title(), c.status()); }

    static final class Settings implements SuiteSettingsRepository {
        private final Map<SuiteId, List<SuiteSettings>> versions = new LinkedHashMap<>();

        @Override public SuiteSettings current(SuiteId suite) {
            List<SuiteSettings> all = versions.getOrDefault(suite, List.of());
            return all.isEmpty() ? SuiteSettings.none(suite) : all.getLast();
        }

        @Override public SuiteSettings save(SuiteId suite, SuiteGuidance guidance, int expectedVersion, UserId author, Instant at) {
            if (current(suite).version() != expectedVersion) throw new Conflict("stale", "settings changed since read");
            SuiteSettings saved = new SuiteSettings(suite, expectedVersion + 1, guidance, Optional.of(author.value()), Optional.of(at));
            versions.computeIfAbsent(suite, s -> new ArrayList<>()).add(saved);
            return saved;
        }

        @Override public List<SuiteSettings> versions(SuiteId suite) { return versions.getOrDefault(suite, List.of()).reversed(); }
    }

    /**
     * Writes one case per kind verifying every criterion (or the one case asked for), each step naming the first
     * criterion; records each request.
     */
    static final class ScriptedCaseGenerator implements CaseGenerator {
        static final Provenance PROVENANCE = new Provenance("ollama", "qwen2.5:7b", "cases-v1", "test_cases-v1", 1, 900, 300,
                Duration.ofSeconds(2));
        final List<Request> requests = new ArrayList<>();
        String wording = "Open the sign-in page";
        boolean failing;

        @Override public Generated generate(Request request) {
            requests.add(request);
            if (failing) throw new dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator.GenerationFailed("invalid 3 times");
            List<String> all = request.requirement().content().criteria().stream().map(c -> c.code()).toList();
            List<GeneratedCase> cases = new ArrayList<>();
            if (request.only().isPresent()) {
                var one = request.only().get();
                cases.add(generated(one.kind(), one.title(), one.criteria()));
            } else {
                for (CaseKind kind : CaseKind.values()) cases.add(generated(kind, kind.wireName() + " case", all));
            }
            return new Generated(cases, PROVENANCE);
        }

        private GeneratedCase generated(CaseKind kind, String title, List<String> criteria) {
            return new GeneratedCase(kind, title, "", "Done", criteria, List.of(
                    new GeneratedCase.TracedStep(new Step(wording, "The form is shown"), List.of(criteria.getFirst())),
                    new GeneratedCase.TracedStep(new Step("Submit", "Done"), criteria)));
        }
    }
}
