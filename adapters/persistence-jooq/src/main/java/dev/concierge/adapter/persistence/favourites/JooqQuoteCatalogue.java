package dev.concierge.adapter.persistence.favourites;

import dev.concierge.adapter.persistence.jooq.favourites.tables.records.QuotesRecord;
import dev.concierge.domain.favourites.model.Quote;
import dev.concierge.domain.favourites.model.QuoteSearch;
import dev.concierge.domain.favourites.port.out.QuoteCatalogue;
import dev.concierge.domain.kernel.Page;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.favourites.Tables.QUOTES;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;

final class JooqQuoteCatalogue implements QuoteCatalogue {
    private static final Field<Integer> TOTAL = count().over().as("total");

    private final DSLContext dsl;

    JooqQuoteCatalogue(DSLContext dsl) { this.dsl = dsl; }

    @Override public Page<Quote> search(QuoteSearch search) {
        Condition where = noCondition();
        if (search.text().isPresent()) where = where.and(QUOTES.TEXT.containsIgnoreCase(search.text().get()));
        if (search.author().isPresent()) where = where.and(QUOTES.AUTHOR.containsIgnoreCase(search.author().get()));
        var rows = dsl.select(QUOTES.fields()).select(TOTAL)
                .from(QUOTES)
                .where(where)
                .orderBy(QUOTES.ID)
                .limit(search.page().limit())
                .offset(search.page().offset())
                .fetch();
        long total = rows.isEmpty()
                ? (search.page().offset() == 0 ? 0 : dsl.fetchCount(QUOTES, where))
                : rows.getFirst().get(TOTAL);
        return new Page<>(rows.map(row -> toQuote(row.into(QUOTES))), total);
    }

    @Override public Optional<Quote> byId(long id) {
        return dsl.selectFrom(QUOTES).where(QUOTES.ID.eq(id)).fetchOptional(JooqQuoteCatalogue::toQuote);
    }

    @Override public int size() { return dsl.fetchCount(QUOTES); }

    @Override public Optional<Quote> atPosition(int position) {
        return dsl.selectFrom(QUOTES).orderBy(QUOTES.ID).limit(1).offset(position).fetchOptional(JooqQuoteCatalogue::toQuote);
    }

    private static Quote toQuote(QuotesRecord row) { return new Quote(row.getId(), row.getText(), row.getAuthor()); }
}
