package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.LlmRoutes;
import dev.concierge.adapter.http.LongRunning;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.RequestLanguage;
import dev.concierge.adapter.http.tripsupport.DraftViews.ItineraryDraftView;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.adapter.http.tripsupport.TripViews.NotesDraftView;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.in.DraftWithAssistantUseCase;
import io.javalin.config.RoutesConfig;

/**
 * Drafts the assistant writes on request: a trip's itinerary, a visit's preparation notes. They are answered, never
 * stored; the page puts them in its editor and the user saves them with the usual {@code PUT}. They wait on the model,
 * so they run on a virtual thread ({@link LongRunning}) and count against the LLM's admission ({@link LlmRoutes}).
 * {@code ?lang=en|ja} sets the draft's language; without it, the trip's own. An itinerary draft comes with what the
 * domain's itinerary rules found after the repair rounds, worded in the reader's language.
 */
public final class DraftRoutes implements RouteGroup {
    private final DraftWithAssistantUseCase drafts;
    private final CurrentUser currentUser;

    public DraftRoutes(DraftWithAssistantUseCase drafts, CurrentUser currentUser) {
        this.drafts = drafts;
        this.currentUser = currentUser;
    }

    @Override public void register(RoutesConfig routes) {
        routes.post("/api/trips/{id}/itinerary/draft", LongRunning.handler(ctx -> ctx.json(ItineraryDraftView.of(
                drafts.draftItinerary(currentUser.of(ctx), TripId.parse(ctx.pathParam("id")), Params.language(ctx)),
                Messages.of(RequestLanguage.of(ctx))))), LlmRoutes.ROLE);
        routes.post("/api/visits/{id}/preparation-notes/draft", LongRunning.handler(ctx -> ctx.json(new NotesDraftView(
                drafts.draftPreparationNotes(currentUser.of(ctx), VisitId.parse(ctx.pathParam("id")), Params.language(ctx))))), LlmRoutes.ROLE);
    }
}
