package dev.concierge.adapter.http.favourites;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.ListView;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.favourites.FavouriteViews.FavouriteView;
import dev.concierge.adapter.http.favourites.FavouriteViews.HoroscopeView;
import dev.concierge.adapter.http.favourites.FavouriteViews.QuoteView;
import dev.concierge.adapter.http.favourites.FavouriteViews.SaveFavouriteRequest;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.web.LanguageChoice;
import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.favourites.model.FavouriteQuery;
import dev.concierge.domain.favourites.model.FavouriteSort;
import dev.concierge.domain.favourites.model.FavouriteType;
import dev.concierge.domain.favourites.model.NewFavourite;
import dev.concierge.domain.favourites.model.QuoteSearch;
import dev.concierge.domain.favourites.model.SavedFavourite;
import dev.concierge.domain.favourites.model.ZodiacSign;
import dev.concierge.domain.favourites.port.in.BrowseQuotesUseCase;
import dev.concierge.domain.favourites.port.in.DeleteFavouriteUseCase;
import dev.concierge.domain.favourites.port.in.LikeFavouriteCommand;
import dev.concierge.domain.favourites.port.in.LikeFavouriteUseCase;
import dev.concierge.domain.favourites.port.in.ListFavouritesUseCase;
import dev.concierge.domain.favourites.port.in.ReadHoroscopesUseCase;
import dev.concierge.domain.favourites.port.in.SaveFavouriteCommand;
import dev.concierge.domain.favourites.port.in.SaveFavouriteUseCase;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Validation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;

/** The favourites JSON API: quotes, horoscopes, and the caller's saved favourites. */
public final class FavouriteRoutes implements RouteGroup {
    private final BrowseQuotesUseCase quotes;
    private final ReadHoroscopesUseCase horoscopes;
    private final SaveFavouriteUseCase save;
    private final ListFavouritesUseCase list;
    private final LikeFavouriteUseCase like;
    private final DeleteFavouriteUseCase delete;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;
    private final ZoneId zone;

    public FavouriteRoutes(BrowseQuotesUseCase quotes, ReadHoroscopesUseCase horoscopes, SaveFavouriteUseCase save,
                           ListFavouritesUseCase list, LikeFavouriteUseCase like, DeleteFavouriteUseCase delete,
                           CurrentUser currentUser, ObjectMapper mapper, ZoneId zone) {
        this.quotes = quotes;
        this.horoscopes = horoscopes;
        this.save = save;
        this.list = list;
        this.like = like;
        this.delete = delete;
        this.currentUser = currentUser;
        this.mapper = mapper;
        this.zone = zone;
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/api/quotes", ctx -> ctx.json(ListView.of(quotes.search(quoteSearch(ctx)), QuoteView::of)));
        routes.get("/api/quotes/of-the-day", ctx -> ctx.json(QuoteView.of(quotes.ofTheDay(Params.date(ctx, "date")))));
        routes.get("/api/quotes/{id}", ctx -> ctx.json(QuoteView.of(quotes.get(quoteId(ctx)))));

        routes.get("/api/horoscopes", ctx -> ctx.json(ListView.of(
                horoscopes.readAll(Params.date(ctx, "date"), language(ctx)).stream().map(HoroscopeView::of).toList())));
        routes.get("/api/horoscopes/{sign}", ctx -> ctx.json(HoroscopeView.of(
                horoscopes.read(ZodiacSign.parse(ctx.pathParam("sign")), Params.date(ctx, "date"), language(ctx)))));

        routes.get("/api/favourites", ctx -> ctx.json(ListView.of(list.list(favouriteQuery(ctx)), this::view)));
        routes.post("/api/favourites", this::saveFavourite);
        routes.get("/api/favourites/{id}", ctx -> ctx.json(view(list.get(currentUser.of(ctx), favouriteId(ctx)))));
        routes.delete("/api/favourites/{id}", ctx -> {
            delete.delete(currentUser.of(ctx), favouriteId(ctx));
            ctx.status(204);
        });
        routes.post("/api/favourites/{id}/like", ctx -> ctx.json(view(like.like(likeCommand(ctx)))));
        routes.post("/api/favourites/{id}/unlike", ctx -> ctx.json(view(like.unlike(likeCommand(ctx)))));
    }

    private void saveFavourite(Context ctx) {
        SaveFavouriteRequest body = Json.read(ctx, mapper, SaveFavouriteRequest.class);
        NewFavourite favourite = new NewFavourite(FavouriteType.parse(body.type()), body.content(), body.author());
        SavedFavourite saved = save.save(new SaveFavouriteCommand(currentUser.of(ctx), favourite));
        // 201 for a new favourite; 200 with the existing one when the same content was saved before.
        ctx.status(saved.created() ? 201 : 200).json(view(saved.favourite()));
    }

    private FavouriteView view(Favourite favourite) {
        return FavouriteView.of(favourite, zone);
    }

    private QuoteSearch quoteSearch(Context ctx) {
        return new QuoteSearch(Params.text(ctx, "q"), Params.text(ctx, "author"), Params.page(ctx));
    }

    private FavouriteQuery favouriteQuery(Context ctx) {
        return new FavouriteQuery(currentUser.of(ctx),
                Params.text(ctx, "type").map(FavouriteType::parse),
                FavouriteSort.parse(ctx.queryParam("sort")),
                Params.page(ctx));
    }

    private LikeFavouriteCommand likeCommand(Context ctx) {
        return new LikeFavouriteCommand(currentUser.of(ctx), favouriteId(ctx));
    }

    private static FavouriteId favouriteId(Context ctx) { return FavouriteId.parse(ctx.pathParam("id")); }

    private static long quoteId(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id < 1) throw Params.invalid("id", Validation.POSITIVE_WHOLE_NUMBER);
            return id;
        } catch (NumberFormatException e) {
            throw Params.invalid("id", Validation.POSITIVE_WHOLE_NUMBER);
        }
    }

    /** {@code ?lang=en|ja}, else the page language rules (cookie, Accept-Language). */
    private static Language language(Context ctx) {
        return Params.language(ctx).orElseGet(() -> LanguageChoice.of(ctx));
    }

}
