package dev.concierge.adapter.http.favourites;

import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.Horoscope;
import dev.concierge.domain.favourites.model.Quote;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** What the favourites API answers: plain records with camelCase fields and ISO-8601 times with offset. */
final class FavouriteViews {
    private FavouriteViews() {}

    record QuoteView(long id, String text, String author) {
        static QuoteView of(Quote quote) { return new QuoteView(quote.id(), quote.text(), quote.author()); }
    }

    record HoroscopeView(String sign, String signName, LocalDate date, String language, String text,
                         String luckyColour, int luckyNumber, int rating) {
        static HoroscopeView of(Horoscope h) {
            return new HoroscopeView(h.sign().wireName(), h.signName(), h.date(), h.language().tag(), h.text(),
                    h.luckyColour(), h.luckyNumber(), h.rating());
        }
    }

    record FavouriteView(long id, String type, String content, String author, OffsetDateTime createdAt, int likes,
                         boolean likedByMe) {
        static FavouriteView of(Favourite f, ZoneId zone) {
            return new FavouriteView(f.id().value(), f.type().wireName(), f.content(), f.author(),
                    f.createdAt().atZone(zone).toOffsetDateTime(), f.likes(), f.likedByOwner());
        }
    }

    /** Body of {@code POST /api/favourites}. */
    record SaveFavouriteRequest(String type, String content, String author) {}
}
