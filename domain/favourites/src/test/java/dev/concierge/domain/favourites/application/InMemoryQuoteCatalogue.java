package dev.concierge.domain.favourites.application;

import dev.concierge.domain.favourites.model.Quote;
import dev.concierge.domain.favourites.model.QuoteSearch;
import dev.concierge.domain.favourites.port.out.QuoteCatalogue;
import dev.concierge.domain.kernel.Page;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.LongStream;

/** A catalogue held in a list, in the order given. */
final class InMemoryQuoteCatalogue implements QuoteCatalogue {
    private final List<Quote> quotes;

    InMemoryQuoteCatalogue(List<Quote> quotes) { this.quotes = List.copyOf(quotes); }

    /** {@code count} distinct quotes with ids counting from 1. */
    static InMemoryQuoteCatalogue ofSize(int count) {
        return new InMemoryQuoteCatalogue(LongStream.rangeClosed(1, count)
                .mapToObj(id -> new Quote(id, "Quote number " + id, "Author " + id)).toList());
    }

    static InMemoryQuoteCatalogue empty() { return new InMemoryQuoteCatalogue(List.of()); }

    @Override public Page<Quote> search(QuoteSearch search) {
        List<Quote> matching = quotes.stream()
                .filter(q -> search.text().map(t -> containsIgnoringCase(q.text(), t)).orElse(true))
                .filter(q -> search.author().map(a -> q.author() != null && containsIgnoringCase(q.author(), a)).orElse(true))
                .toList();
        List<Quote> slice = matching.stream().skip(search.page().offset()).limit(search.page().limit()).toList();
        return new Page<>(slice, matching.size());
    }

    @Override public Optional<Quote> byId(long id) {
        return quotes.stream().filter(q -> q.id() == id).findFirst();
    }

    @Override public int size() { return quotes.size(); }

    @Override public Optional<Quote> atPosition(int position) {
        return position >= 0 && position < quotes.size() ? Optional.of(quotes.get(position)) : Optional.empty();
    }

    private static boolean containsIgnoringCase(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
