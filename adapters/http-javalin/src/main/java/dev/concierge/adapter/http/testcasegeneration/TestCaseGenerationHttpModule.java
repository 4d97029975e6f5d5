package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.adapter.http.ServerStopping;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.web.NavigationEntry;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.adapter.http.wiring.HttpModule;
import dev.concierge.domain.testcasegeneration.port.in.ExportProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.FindDuplicatesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ImportTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageRequirementsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuiteSettingsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ReviewProcedureUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ReviewStepsUseCase;

import java.time.Clock;

/** Test-case generation's API and pages, wired to its use cases (bound by bootstrap). */
public final class TestCaseGenerationHttpModule extends AbstractModule {
    @Override protected void configure() {
        HttpModule.routes(binder()).addBinding().to(TestCaseGenerationRoutes.class);
        HttpModule.routes(binder()).addBinding().to(TestCaseGenerationPages.class);
        HttpModule.routes(binder()).addBinding().to(RequirementRoutes.class);
        HttpModule.routes(binder()).addBinding().to(RequirementPages.class);
        HttpModule.routes(binder()).addBinding().to(StepReviewRoutes.class);
        HttpModule.routes(binder()).addBinding().to(DuplicateRoutes.class);
        HttpModule.navigation(binder()).addBinding().toInstance(
                new NavigationEntry("testcases", "/test-cases", "nav.testcases", "home.testcases", 20));
    }

    @Provides @Singleton TestCaseGenerationRoutes routes(ManageSuitesUseCase suites, ManageTestCasesUseCase cases,
                                                         ImportTestCasesUseCase imports, ReviewProcedureUseCase review,
                                                         GenerateProceduresUseCase generation, ExportProceduresUseCase exports,
                                                         CurrentUser user, ObjectMapper mapper, Clock clock,
                                                         ServerStopping stopping, FindDuplicatesUseCase duplicates) {
        return new TestCaseGenerationRoutes(suites, cases, imports, review, generation, exports, user, mapper,
                clock.getZone(), BatchProgressStream.standard(stopping), java.util.Optional.of(duplicates));
    }

    @Provides @Singleton DuplicateRoutes duplicateRoutes(FindDuplicatesUseCase duplicates, CurrentUser user, ObjectMapper mapper) {
        return new DuplicateRoutes(duplicates, user, mapper);
    }

    @Provides @Singleton RequirementRoutes requirementRoutes(ManageSuitesUseCase suites, ManageRequirementsUseCase requirements,
                                                             ManageSuiteSettingsUseCase settings, CurrentUser user, ObjectMapper mapper,
                                                             Clock clock) {
        return new RequirementRoutes(suites, requirements, settings, user, mapper, clock.getZone());
    }

    @Provides @Singleton RequirementPages requirementPages(ManageSuitesUseCase suites, ManageRequirementsUseCase requirements,
                                                           ManageSuiteSettingsUseCase settings, CurrentUser user, PageRenderer renderer,
                                                           Clock clock) {
        return new RequirementPages(suites, requirements, settings, user, renderer, clock.getZone());
    }

    @Provides @Singleton StepReviewRoutes stepReviewRoutes(ReviewStepsUseCase steps, CurrentUser user, ObjectMapper mapper, Clock clock) {
        return new StepReviewRoutes(steps, user, mapper, clock.getZone());
    }

    @Provides @Singleton TestCaseGenerationPages pages(ManageSuitesUseCase suites, ManageTestCasesUseCase cases,
                                                       GenerateProceduresUseCase generation, CurrentUser user,
                                                       PageRenderer renderer, Clock clock, ManageRequirementsUseCase requirements) {
        return new TestCaseGenerationPages(suites, cases, generation, user, renderer, clock.getZone(), java.util.Optional.of(requirements));
    }
}
