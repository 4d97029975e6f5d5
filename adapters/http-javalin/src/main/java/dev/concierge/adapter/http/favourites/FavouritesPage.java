package dev.concierge.adapter.http.favourites;

import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.web.Page;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteQuery;
import dev.concierge.domain.favourites.model.FavouriteSort;
import dev.concierge.domain.favourites.model.FavouriteType;
import dev.concierge.domain.favourites.model.Horoscope;
import dev.concierge.domain.favourites.model.Quote;
import dev.concierge.domain.favourites.model.QuoteSearch;
import dev.concierge.domain.favourites.port.in.BrowseQuotesUseCase;
import dev.concierge.domain.favourites.port.in.ListFavouritesUseCase;
import dev.concierge.domain.favourites.port.in.ReadHoroscopesUseCase;
import dev.concierge.domain.kernel.PageRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /favourites}: browse quotes and today's horoscopes, save, like, filter what was saved. Rendered on the
 * server from the same use cases as the API; the page's small script calls the JSON API for changes and reloads
 * the saved list from {@code /favourites/saved}.
 */
public final class FavouritesPage implements RouteGroup {
    public static final int QUOTES_PER_PAGE = 8;

    private final BrowseQuotesUseCase quotes;
    private final ReadHoroscopesUseCase horoscopes;
    private final ListFavouritesUseCase favourites;
    private final CurrentUser currentUser;
    private final PageRenderer renderer;
    private final Clock clock;

    public FavouritesPage(BrowseQuotesUseCase quotes, ReadHoroscopesUseCase horoscopes, ListFavouritesUseCase favourites,
                          CurrentUser currentUser, PageRenderer renderer, Clock clock) {
        this.quotes = quotes;
        this.horoscopes = horoscopes;
        this.favourites = favourites;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** The saved list as the page shows it, with the filter, order and page it was asked for. */
    public record SavedList(List<Favourite> items, long total, Optional<FavouriteType> type, FavouriteSort sort,
                            int offset, int limit) {
        public String query(Optional<FavouriteType> newType, FavouriteSort newSort, int newOffset) {
            return "type=" + newType.map(FavouriteType::wireName).orElse("") + "&sort=" + newSort.wireName()
                    + "&offset=" + newOffset;
        }

        public boolean hasPrevious() { return offset > 0; }

        public boolean hasNext() { return offset + items.size() < total; }
    }

    public record QuoteList(List<Quote> items, long total, String q, String author, int offset, SavedList saved) {
        /** Link to another page of the same search, keeping the saved list's view; search terms are URL-encoded. */
        public String href(int newOffset) {
            return "/favourites?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                    + "&author=" + URLEncoder.encode(author, StandardCharsets.UTF_8) + "&qoffset=" + Math.max(0, newOffset)
                    + "&" + saved.query(saved.type(), saved.sort(), saved.offset());
        }

        public boolean hasPrevious() { return offset > 0; }

        public boolean hasNext() { return offset + items.size() < total; }
    }

    /** What a saved horoscope holds: sign and date travel with the text, so two days never merge into one favourite. */
    public static String horoscopeContent(Horoscope horoscope) {
        return horoscope.signName() + " · " + horoscope.date() + " — " + horoscope.text();
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/favourites", this::page);
        routes.get("/favourites/saved", ctx -> {
            Page page = renderer.page(ctx, "favourites.title", "favourites", currentUser.of(ctx).value());
            renderer.render(ctx, "favourites/saved.jte", Map.of("page", page, "saved", saved(ctx)));
        });
    }

    private void page(Context ctx) {
        Page page = renderer.page(ctx, "favourites.title", "favourites", currentUser.of(ctx).value());
        LocalDate today = LocalDate.now(clock);
        Optional<String> q = Params.text(ctx, "q");
        Optional<String> author = Params.text(ctx, "author");
        int quoteOffset = Math.max(0, Params.integer(ctx, "qoffset").orElse(0));
        var found = quotes.search(new QuoteSearch(q, author, new PageRequest(QUOTES_PER_PAGE, Math.min(quoteOffset, PageRequest.MAX_OFFSET))));
        SavedList saved = saved(ctx);
        QuoteList quoteList = new QuoteList(found.items(), found.total(), q.orElse(""), author.orElse(""), quoteOffset, saved);
        List<Horoscope> readings = horoscopes.readAll(Optional.of(today), page.language());
        renderer.render(ctx, "favourites/favourites.jte", Map.of(
                "page", page,
                "today", today,
                "quoteOfTheDay", quotes.ofTheDay(Optional.of(today)),
                "quotes", quoteList,
                "horoscopes", readings,
                "saved", saved));
    }

    private SavedList saved(Context ctx) {
        Optional<FavouriteType> type = Params.text(ctx, "type").map(FavouriteType::parse);
        FavouriteSort sort = FavouriteSort.parse(ctx.queryParam("sort"));
        PageRequest request = Params.page(ctx);
        var page = favourites.list(new FavouriteQuery(currentUser.of(ctx), type, sort, request));
        return new SavedList(page.items(), page.total(), type, sort, request.offset(), request.limit());
    }
}
