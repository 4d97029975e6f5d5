package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.ListView;
import dev.concierge.adapter.http.LlmRoutes;
import dev.concierge.adapter.http.LongRunning;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.testcasegeneration.DuplicateViews.DismissRequest;
import dev.concierge.adapter.http.testcasegeneration.DuplicateViews.DuplicatesView;
import dev.concierge.adapter.http.testcasegeneration.DuplicateViews.SharedStepsView;
import dev.concierge.adapter.http.testcasegeneration.DuplicateViews.SimilarCaseView;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.in.FindDuplicatesUseCase;
import io.javalin.config.RoutesConfig;

import java.util.List;

/**
 * Near-duplicate cases and shared-step candidates of a suite: the pairs with their similarity, a check that embeds
 * the cases not yet compared (the retry when the embedding model was down), "not a duplicate", and the cases like one case.
 */
public final class DuplicateRoutes implements RouteGroup {
    private final FindDuplicatesUseCase duplicates;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;

    public DuplicateRoutes(FindDuplicatesUseCase duplicates, CurrentUser currentUser, ObjectMapper mapper) {
        this.duplicates = duplicates;
        this.currentUser = currentUser;
        this.mapper = mapper;
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/api/suites/{id}/duplicates", ctx -> ctx.json(DuplicatesView.of(
                duplicates.duplicates(currentUser.actor(ctx), TestCaseGenerationRoutes.suiteId(ctx), Params.page(ctx)),
                TestCaseGenerationRoutes.texts(ctx))));
        routes.post("/api/suites/{id}/duplicates/check", LongRunning.handler(ctx -> ctx.json(DuplicatesView.of(
                duplicates.check(currentUser.actor(ctx), TestCaseGenerationRoutes.suiteId(ctx)), TestCaseGenerationRoutes.texts(ctx)))),
                LlmRoutes.ROLE);
        routes.post("/api/suites/{id}/duplicates/dismiss", ctx -> {
            var actor = currentUser.actor(ctx);
            var suite = TestCaseGenerationRoutes.suiteId(ctx);
            DismissRequest body = Json.read(ctx, mapper, DismissRequest.class);
            List<Long> ids = body.caseIds();
            if (ids == null) throw Params.invalid("caseIds", Validation.REQUIRED);
            if (ids.size() < 2) throw Params.invalid("caseIds", Validation.TOO_FEW, 2);
            if (ids.size() > 2) throw Params.invalid("caseIds", Validation.TOO_MANY, 2);
            if (ids.contains(null)) throw Params.invalid("caseIds", Validation.REQUIRED);
            if (ids.get(0) < 1 || ids.get(1) < 1) throw Params.invalid("caseIds", Validation.POSITIVE_WHOLE_NUMBER);
            if (ids.get(0).equals(ids.get(1))) throw Params.invalid("caseIds", Validation.DUPLICATE, ids.get(0));
            duplicates.dismiss(actor, suite, new TestCaseId(ids.get(0)), new TestCaseId(ids.get(1)));
            ctx.status(204);
        });
        routes.get("/api/suites/{id}/shared-steps", ctx -> {
            var texts = TestCaseGenerationRoutes.texts(ctx);
            ctx.json(ListView.of(duplicates.sharedSteps(currentUser.actor(ctx), TestCaseGenerationRoutes.suiteId(ctx), Params.page(ctx)),
                    s -> SharedStepsView.of(s, texts)));
        });
        routes.get("/api/test-cases/{id}/similar", ctx -> {
            var texts = TestCaseGenerationRoutes.texts(ctx);
            TestCaseId id = TestCaseGenerationRoutes.testCaseId(ctx);
            ctx.json(ListView.page(duplicates.similarTo(currentUser.actor(ctx), id).stream().map(p -> SimilarCaseView.of(p, id, texts)).toList(),
                    Params.page(ctx)));
        });
    }
}
