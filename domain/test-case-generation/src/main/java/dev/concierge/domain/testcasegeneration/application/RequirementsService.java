package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.CaseRef;
import dev.concierge.domain.testcasegeneration.model.CaseTrace;
import dev.concierge.domain.testcasegeneration.model.CoverageMatrix;
import dev.concierge.domain.testcasegeneration.model.GeneratedCase;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Provenance;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.RequirementDetail;
import dev.concierge.domain.testcasegeneration.model.RequirementId;
import dev.concierge.domain.testcasegeneration.model.RequirementImport;
import dev.concierge.domain.testcasegeneration.model.RequirementNotFound;
import dev.concierge.domain.testcasegeneration.model.SkippedCase;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.in.ImportRequirementsCommand;
import dev.concierge.domain.testcasegeneration.port.in.ManageRequirementsUseCase;
import dev.concierge.domain.testcasegeneration.port.out.CaseGenerator;
import dev.concierge.domain.testcasegeneration.port.out.GenerationModelStatus;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.RequirementRepository;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.SuiteSettingsRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;
import dev.concierge.domain.testcasegeneration.port.out.Transactions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Requirements, the cases generated from them and their coverage. Cases are generated synchronously (a requirement
 * yields a handful) and stored like any case, with a generated first revision; each keeps a trace of the criteria it
 * verifies and the hash of their wording, which is all staleness needs.
 */
public final class RequirementsService implements ManageRequirementsUseCase {
    /** (): the model kept writing cases that break the rules; nothing was stored. */
    static final String MODEL_OUTPUT_INVALID = "model_output_invalid";

    private final RequirementRepository requirements;
    private final TestCaseRepository cases;
    private final CaseGenerator generator;
    private final GenerationModelStatus modelStatus;
    private final SuiteSettingsRepository settings;
    private final Transactions transactions;
    private final SuiteAccess access;
    private final Clock clock;
    private final Optional<CaseEmbeddings> embeddings;

    public RequirementsService(SuiteRepository suites, TestCaseRepository cases, RequirementRepository requirements,
                               CaseGenerator generator, GenerationModelStatus modelStatus, SuiteSettingsRepository settings,
                               Transactions transactions, Clock clock) {
        this(suites, cases, requirements, generator, modelStatus, settings, transactions, Optional.empty(), clock);
    }

    /** {@code embeddings}: generated cases get their vectors for the duplicates check right after they are stored. */
    public RequirementsService(SuiteRepository suites, TestCaseRepository cases, RequirementRepository requirements,
                               CaseGenerator generator, GenerationModelStatus modelStatus, SuiteSettingsRepository settings,
                               Transactions transactions, Optional<CaseEmbeddings> embeddings, Clock clock) {
        this.embeddings = embeddings;
        this.requirements = requirements;
        this.cases = cases;
        this.generator = generator;
        this.modelStatus = modelStatus;
        this.settings = settings;
        this.transactions = transactions;
        this.access = new SuiteAccess(suites, cases);
        this.clock = clock;
    }

    @Override public RequirementImport importRequirements(ImportRequirementsCommand command) {
        access.suite(command.actor(), command.suite());
        return transactions.inTransaction(() -> {
            List<RequirementImport.Outcome> outcomes = new ArrayList<>();
            int stale = 0;
            for (var incoming : command.requirements()) {
                Optional<Requirement> before = requirements.findByReference(command.suite(), incoming.reference());
                Requirement saved = requirements.save(command.suite(), incoming, clock.instant());
                if (before.isEmpty()) {
                    outcomes.add(new RequirementImport.Outcome(saved, RequirementImport.Result.CREATED, List.of(), List.of(), List.of()));
                    continue;
                }
                outcomes.add(RequirementImport.compare(before.get(), saved));
                stale += (int) requirements.tracesOf(saved.id()).stream()
                        .filter(t -> !t.staleAgainst(before.get()) && t.staleAgainst(saved)).count();
            }
            return new RequirementImport(outcomes, stale);
        });
    }

    @Override public List<RequirementDetail> list(Actor actor, SuiteId suite) {
        access.suite(actor, suite);
        List<Requirement> all = requirements.inSuite(suite);
        List<CaseTrace> traces = requirements.tracesInSuite(suite);
        Map<TestCaseId, TestCase> byId = byId(traces);
        return all.stream().map(r -> detail(r, traces.stream().filter(t -> t.requirement().equals(r.id())).toList(), byId)).toList();
    }

    @Override public RequirementDetail get(Actor actor, RequirementId id) {
        Requirement requirement = requirement(actor, id);
        List<CaseTrace> traces = requirements.tracesOf(id);
        return detail(requirement, traces, byId(traces));
    }

    @Override public List<TestCase> generateCases(Actor actor, RequirementId id) {
        Requirement requirement = requirement(actor, id);
        requireModel();
        CaseGenerator.Generated generated = model(new CaseGenerator.Request(requirement,
                settings.current(requirement.suite()).guidance(), Optional.empty()));
        List<TestCase> stored = transactions.inTransaction(() -> {
            List<TestCase> created = new ArrayList<>();
            int n = requirements.tracesOf(id).size();
            for (GeneratedCase generatedCase : generated.cases()) {
                TestCaseKey key;
                do key = requirement.caseKey(++n); while (cases.findByKey(requirement.suite(), key).isPresent());
                TestCase draft = cases.create(requirement.suite(), content(requirement, key, generatedCase), clock.instant());
                created.add(store(requirement, draft, generatedCase, generated.provenance()));
            }
            return created;
        });
        embeddings.ifPresent(e -> e.refresh(requirement.suite(), stored)); // after the commit; never fails the generation
        return stored;
    }

    @Override public int delete(Actor actor, RequirementId id) {
        Requirement requirement = requirement(actor, id);
        return transactions.inTransaction(() -> {
            int traced = requirements.tracesOf(requirement.id()).size();
            if (!requirements.delete(requirement.id())) throw new RequirementNotFound(id);
            return traced;
        });
    }

    @Override public Optional<CaseRequirement> traceOf(Actor actor, TestCaseId testCase) {
        access.testCase(actor, testCase);
        return requirements.traceOf(testCase)
                .flatMap(trace -> requirements.find(trace.requirement()).map(r -> new CaseRequirement(r, trace)));
    }

    @Override public Regenerated regenerateStale(Actor actor, RequirementId id) {
        Requirement requirement = requirement(actor, id);
        List<RequirementDetail.TracedCase> stale = detail(requirement, requirements.tracesOf(id), byId(requirements.tracesOf(id)))
                .cases().stream().filter(RequirementDetail.TracedCase::stale).toList();
        List<SkippedCase> skipped = stale.stream().map(RequirementDetail.TracedCase::testCase).filter(c -> !c.queueable())
                .map(SkippedCase::of).toList();
        List<RequirementDetail.TracedCase> todo = stale.stream().filter(c -> c.testCase().queueable()).toList();
        if (todo.isEmpty()) {
            if (!skipped.isEmpty()) throw new RuleViolated("stale_cases_locked",
                    "The stale cases of requirement " + requirement.reference() + " are approved or being generated; reopen them first.");
            return new Regenerated(List.of(), List.of());
        }
        requireModel();
        var guidance = settings.current(requirement.suite()).guidance();
        List<TestCase> regenerated = new ArrayList<>();
        for (RequirementDetail.TracedCase traced : todo) {
            // Criteria the requirement dropped are no longer verified; a case left with none verifies them all.
            List<String> still = traced.trace().verified().keySet().stream().filter(c -> requirement.criterion(c).isPresent()).sorted().toList();
            if (still.isEmpty()) still = requirement.content().criteria().stream().map(AcceptanceCriterion::code).toList();
            CaseGenerator.Generated generated = model(new CaseGenerator.Request(requirement, guidance,
                    Optional.of(new CaseGenerator.OneCase(traced.trace().kind(), traced.testCase().content().title(), still))));
            GeneratedCase one = generated.cases().getFirst();
            regenerated.add(transactions.inTransaction(() -> {
                TestCase current = cases.find(traced.testCase().id()).orElseThrow();
                TestCase reworded = current.withContent(content(requirement, current.content().key(), one), clock.instant());
                return store(requirement, reworded, one, generated.provenance());
            }));
        }
        if (!regenerated.isEmpty()) embeddings.ifPresent(e -> e.refresh(requirement.suite(), regenerated));
        return new Regenerated(regenerated, skipped);
    }

    @Override public CoverageMatrix coverage(Actor actor, SuiteId suite) {
        access.suite(actor, suite);
        Map<TestCaseId, CaseRef> traced = requirements.tracedCases(suite).stream()
                .collect(Collectors.toMap(CaseRef::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return CoverageMatrix.of(requirements.inSuite(suite), requirements.tracesInSuite(suite), traced,
                requirements.untracedCases(suite, CoverageMatrix.MAX_UNTRACED_LISTED), requirements.countUntraced(suite));
    }

    /** Through the lifecycle to a generated revision, then the trace of what the revision verifies. */
    private TestCase store(Requirement requirement, TestCase testCase, GeneratedCase generated, Provenance provenance) {
        TestCase saved = cases.save(testCase.queue(clock.instant()));
        saved = cases.save(saved.startGenerating(clock.instant()));
        saved = cases.save(saved.generated(generated.procedure(), Optional.of(provenance), clock.instant()));
        Map<String, String> verified = new LinkedHashMap<>();
        for (String code : generated.criteria()) requirement.criterion(code).ifPresent(c -> verified.put(code, c.hash()));
        requirements.trace(new CaseTrace(saved.id(), requirement.id(), generated.kind(), verified,
                saved.procedure().orElseThrow().number(), generated.steps().stream().map(GeneratedCase.TracedStep::criteria).toList()));
        return saved;
    }

    /** The case states the criteria it verifies as its requirement text, so the procedure generator sees them too. */
    private static TestCaseContent content(Requirement requirement, TestCaseKey key, GeneratedCase generated) {
        String criteria = generated.criteria().stream()
                .map(code -> requirement.criterion(code).map(c -> c.code() + ": " + c.text()).orElse(code))
                .collect(Collectors.joining("\n"));
        String text = requirement.content().title() + (criteria.isEmpty() ? "" : "\n" + criteria);
        return new TestCaseContent(key, generated.title(), generated.preconditions(), generated.expectedResult(),
                requirement.reference(), clip(text, TestCaseContent.MAX_TEXT), Priority.MEDIUM, List.of(generated.kind().wireName()));
    }

    private static String clip(String text, int max) { return text.length() <= max ? text : text.substring(0, max - 1) + "…"; }

    private RequirementDetail detail(Requirement requirement, List<CaseTrace> traces, Map<TestCaseId, TestCase> byId) {
        List<RequirementDetail.TracedCase> traced = traces.stream().filter(t -> byId.containsKey(t.testCase()))
                .map(t -> new RequirementDetail.TracedCase(byId.get(t.testCase()), t, t.changedCriteria(requirement)))
                .sorted(java.util.Comparator.comparing(c -> c.testCase().content().key().value()))
                .toList();
        return new RequirementDetail(requirement, traced);
    }

    private Map<TestCaseId, TestCase> byId(List<CaseTrace> traces) {
        return cases.findAll(traces.stream().map(CaseTrace::testCase).toList()).stream()
                .collect(Collectors.toMap(TestCase::id, Function.identity()));
    }

    private Requirement requirement(Actor actor, RequirementId id) {
        Requirement found = requirements.find(id).orElseThrow(() -> new RequirementNotFound(id));
        try {
            access.suite(actor, found.suite());
        } catch (dev.concierge.domain.kernel.NotFound notMember) {
            throw new RequirementNotFound(id);
        }
        return found;
    }

    /** A person waits for this answer: output the model kept getting wrong is worth another try, like an unavailable model. */
    private CaseGenerator.Generated model(CaseGenerator.Request request) {
        try {
            return generator.generate(request);
        } catch (ProcedureGenerator.GenerationFailed e) {
            throw new Unavailable(MODEL_OUTPUT_INVALID, e.getMessage());
        }
    }

    private void requireModel() {
        Optional<String> unavailable = modelStatus.unavailableReason();
        if (unavailable.isPresent()) throw new Unavailable("llm_unavailable", unavailable.get());
    }
}
