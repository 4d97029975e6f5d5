package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.web.Page;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.CoverageMatrix;
import dev.concierge.domain.testcasegeneration.model.GlossaryEntry;
import dev.concierge.domain.testcasegeneration.model.RequirementDetail;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteSettings;
import dev.concierge.domain.testcasegeneration.port.in.ManageRequirementsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuiteSettingsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A suite's requirements page (import, requirements with their traced cases, generate and regenerate, the coverage
 * matrix) and its settings page (glossary, examples, instructions, versions). The page script
 * ({@code /assets/testcasegeneration/requirements.js}) makes every change through the JSON API.
 */
public final class RequirementPages implements RouteGroup {
    /** Examples are edited in one text area, separated by a line of three dashes. */
    public static final String EXAMPLE_SEPARATOR = "---";

    private final ManageSuitesUseCase suites;
    private final ManageRequirementsUseCase requirements;
    private final ManageSuiteSettingsUseCase settings;
    private final CurrentUser currentUser;
    private final PageRenderer renderer;
    private final ZoneId zone;

    public RequirementPages(ManageSuitesUseCase suites, ManageRequirementsUseCase requirements, ManageSuiteSettingsUseCase settings,
                            CurrentUser currentUser, PageRenderer renderer, ZoneId zone) {
        this.suites = suites;
        this.requirements = requirements;
        this.settings = settings;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.zone = zone;
    }

    public record RequirementsPage(Suite suite, List<RequirementDetail> requirements, CoverageMatrix coverage) {
        public long staleTotal() { return requirements.stream().mapToLong(RequirementDetail::staleCount).sum(); }

        public long uncovered() { return coverage.count(CoverageMatrix.State.UNCOVERED); }
    }

    public record SettingsPage(Suite suite, SuiteSettings current, List<SuiteSettings> versions) {
        public String glossaryText() {
            return current.guidance().glossary().stream().map(e -> e.meaning().isEmpty() ? e.term() : e.term() + ": " + e.meaning())
                    .collect(Collectors.joining("\n"));
        }

        public String examplesText() { return String.join("\n" + EXAMPLE_SEPARATOR + "\n", current.guidance().examples()); }

        public int glossarySize(SuiteSettings s) { return s.guidance().glossary().size(); }

        public List<GlossaryEntry> glossary() { return current.guidance().glossary(); }
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/test-cases/suites/{id}/requirements", this::requirementsPage);
        routes.get("/test-cases/suites/{id}/settings", this::settingsPage);
    }

    private void requirementsPage(Context ctx) {
        Actor actor = currentUser.actor(ctx);
        Suite suite = suites.get(actor, TestCaseGenerationRoutes.suiteId(ctx));
        render(ctx, "testcasegeneration/requirements.jte", "tcg.requirements.title", suite, Map.of("view",
                new RequirementsPage(suite, requirements.list(actor, suite.id()), requirements.coverage(actor, suite.id()))));
    }

    private void settingsPage(Context ctx) {
        Actor actor = currentUser.actor(ctx);
        Suite suite = suites.get(actor, TestCaseGenerationRoutes.suiteId(ctx));
        render(ctx, "testcasegeneration/settings.jte", "tcg.settings.title", suite, Map.of("view",
                new SettingsPage(suite, settings.current(actor, suite.id()), settings.versions(actor, suite.id()))));
    }

    private void render(Context ctx, String template, String titleKey, Suite suite, Map<String, Object> params) {
        Page generic = renderer.page(ctx, titleKey, "testcases", currentUser.of(ctx).value());
        String name = suite.name().length() <= 80 ? suite.name() : suite.name().substring(0, 79) + "…";
        Page page = new Page(name + " · " + generic.title(), generic.section(), generic.path(), generic.messages(), generic.userName(),
                generic.applications());
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        all.put("times", new TestCaseGenerationPages.Times(zone, page.dates()));
        renderer.render(ctx, template, all);
    }
}
