package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.BadRequest;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.LlmRoutes;
import dev.concierge.adapter.http.LongRunning;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.testcasegeneration.StepReviewViews.EditStepRequest;
import dev.concierge.adapter.http.testcasegeneration.StepReviewViews.QualityView;
import dev.concierge.adapter.http.testcasegeneration.StepReviewViews.StepNoteRequest;
import dev.concierge.adapter.http.testcasegeneration.StepReviewViews.StepReviewedView;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.port.in.EditStepCommand;
import dev.concierge.domain.testcasegeneration.port.in.ReviewStepsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.StepCommand;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Step-by-step review: the checks' score and reasons per step ({@code GET /api/test-cases/{id}/quality}), and one
 * step accepted, rewritten or regenerated with a reviewer's note while the rest of the procedure stays.
 */
public final class StepReviewRoutes implements RouteGroup {
    private final ReviewStepsUseCase steps;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;
    private final ZoneId zone;

    public StepReviewRoutes(ReviewStepsUseCase steps, CurrentUser currentUser, ObjectMapper mapper, ZoneId zone) {
        this.steps = steps;
        this.currentUser = currentUser;
        this.mapper = mapper;
        this.zone = zone;
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/api/test-cases/{id}/quality", ctx -> {
            var actor = currentUser.actor(ctx);
            var id = TestCaseGenerationRoutes.testCaseId(ctx);
            Optional<Integer> revision = Params.integer(ctx, "revision");
            if (revision.isPresent() && revision.get() < 1) throw Params.invalid("revision", Validation.POSITIVE_WHOLE_NUMBER);
            var quality = revision.isPresent() ? steps.quality(actor, id, revision.get()) : steps.quality(actor, id);
            ctx.json(QualityView.of(quality, zone, TestCaseGenerationRoutes.texts(ctx)));
        });
        routes.post("/api/test-cases/{id}/steps/{step}/accept", ctx -> {
            StepNoteRequest body = Json.read(ctx, mapper, StepNoteRequest.class);
            answer(ctx, steps.accept(valid(() -> new StepCommand(currentUser.actor(ctx), TestCaseGenerationRoutes.testCaseId(ctx),
                    step(ctx), body.note(), version(body.version())))));
        });
        routes.put("/api/test-cases/{id}/steps/{step}", ctx -> {
            EditStepRequest body = Json.read(ctx, mapper, EditStepRequest.class);
            Step replacement = valid(() -> body.toStep());
            answer(ctx, steps.edit(valid(() -> new EditStepCommand(currentUser.actor(ctx), TestCaseGenerationRoutes.testCaseId(ctx),
                    step(ctx), replacement, body.note(), version(body.version())))));
        });
        routes.post("/api/test-cases/{id}/steps/{step}/regenerate", LongRunning.handler(ctx -> {
            StepNoteRequest body = Json.read(ctx, mapper, StepNoteRequest.class);
            answer(ctx, steps.regenerate(valid(() -> new StepCommand(currentUser.actor(ctx), TestCaseGenerationRoutes.testCaseId(ctx),
                    step(ctx), body.note(), version(body.version())))));
        }), LlmRoutes.ROLE);
    }

    private void answer(Context ctx, ReviewStepsUseCase.Reviewed reviewed) {
        TestCaseGenerationTexts texts = TestCaseGenerationRoutes.texts(ctx);
        ctx.json(new StepReviewedView(TestCaseGenerationViews.TestCaseView.of(reviewed.testCase(), zone, texts),
                QualityView.of(reviewed.quality(), zone, texts)));
    }

    /** Steps count from 1, as people number them. */
    private static int step(Context ctx) {
        String value = ctx.pathParam("step");
        if (!value.matches("[1-9][0-9]{0,3}")) throw Params.invalid("step", Validation.POSITIVE_WHOLE_NUMBER);
        return Integer.parseInt(value);
    }

    private static long version(Long version) {
        if (version == null) throw Params.invalid("version", Validation.REQUIRED);
        return version;
    }

    private static <T> T valid(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInput invalid) {
            throw BadRequest.of(invalid);
        }
    }
}
