package dev.concierge.adapter.http.tripsupport;

import dev.concierge.domain.tripsupport.port.in.StartConversationCommand;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.ListView;
import dev.concierge.adapter.http.LlmRoutes;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RequestLanguage;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.TripViews.ConversationRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.ConversationView;
import dev.concierge.adapter.http.tripsupport.TripViews.MessageRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.MessageView;
import dev.concierge.adapter.http.tripsupport.TripViews.ProposalView;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;
import dev.concierge.domain.tripsupport.port.in.RenameConversationCommand;
import dev.concierge.domain.tripsupport.port.in.SendMessageCommand;
import dev.concierge.domain.tripsupport.port.in.SendMessageUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;

/**
 * Conversations with the trip assistant: history, a streamed turn ({@code text/event-stream}), and the proposals the
 * assistant made, which the user accepts or rejects. Only {@code POST /api/conversations/{id}/messages} calls the model.
 */
public final class ConversationRoutes implements RouteGroup {
    private final ChatWithAssistantUseCase chat;
    private final SendMessageUseCase messages;
    private final ReviewProposalsUseCase proposals;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;
    private final ZoneId zone;
    private final ChatStream stream;

    public ConversationRoutes(ChatWithAssistantUseCase chat, SendMessageUseCase messages, ReviewProposalsUseCase proposals,
                              CurrentUser currentUser, ObjectMapper mapper, ZoneId zone) {
        this.chat = chat;
        this.messages = messages;
        this.proposals = proposals;
        this.currentUser = currentUser;
        this.mapper = mapper;
        this.zone = zone;
        this.stream = new ChatStream(mapper, zone);
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/api/trips/{id}/conversations", ctx -> {
            var page = Params.page(ctx);
            ctx.json(ListView.page(chat.conversations(user(ctx), tripId(ctx)).stream()
                    .map(c -> ConversationView.of(c, zone)).toList(), page));
        });
        routes.post("/api/trips/{id}/conversations", ctx -> {
            TripId trip = tripId(ctx);
            String title = ctx.bodyAsBytes().length == 0 ? null : Json.read(ctx, mapper, ConversationRequest.class).title();
            ctx.status(201).json(ConversationView.of(chat.start(new StartConversationCommand(user(ctx), trip, title)), zone));
        });
        routes.patch("/api/conversations/{id}", ctx -> {
            ConversationId id = conversationId(ctx);
            String title = Json.read(ctx, mapper, ConversationRequest.class).title();
            ctx.json(ConversationView.of(chat.rename(new RenameConversationCommand(user(ctx), id, title)), zone));
        });
        routes.delete("/api/conversations/{id}", ctx -> {
            chat.delete(user(ctx), conversationId(ctx));
            ctx.status(204);
        });
        routes.get("/api/conversations/{id}/messages", ctx -> {
            var page = Params.page(ctx);
            ctx.json(ListView.page(chat.history(user(ctx), conversationId(ctx)).stream()
                    .map(m -> MessageView.of(m, zone)).toList(), page));
        });
        routes.post("/api/conversations/{id}/messages", ctx -> {
            var command = new SendMessageCommand(user(ctx), conversationId(ctx), Json.read(ctx, mapper, MessageRequest.class).text());
            stream.run(ctx, "chat-" + command.conversation(), events -> messages.send(command, events));
        }, LlmRoutes.ROLE);
        routes.get("/api/conversations/{id}/proposals", ctx -> {
            var page = Params.page(ctx);
            ctx.json(ListView.page(proposals.proposals(user(ctx), conversationId(ctx)).stream()
                    .map(p -> ProposalView.of(p, zone, texts(ctx))).toList(), page));
        });
        routes.post("/api/proposals/{id}/accept", ctx ->
                ctx.json(ProposalView.of(proposals.accept(user(ctx), TripInput.proposalId(ctx.pathParam("id"))), zone, texts(ctx))));
        routes.post("/api/proposals/{id}/reject", ctx ->
                ctx.json(ProposalView.of(proposals.reject(user(ctx), TripInput.proposalId(ctx.pathParam("id"))), zone, texts(ctx))));
    }

    private UserId user(Context ctx) { return currentUser.of(ctx); }

    /** Words in the request's language (the lang cookie, then Accept-Language). */
    private static Messages texts(Context ctx) { return Messages.of(RequestLanguage.of(ctx)); }

    private static TripId tripId(Context ctx) { return TripId.parse(ctx.pathParam("id")); }

    private static ConversationId conversationId(Context ctx) { return ConversationId.parse(ctx.pathParam("id")); }
}
