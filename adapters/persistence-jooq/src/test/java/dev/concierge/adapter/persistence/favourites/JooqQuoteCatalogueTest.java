package dev.concierge.adapter.persistence.favourites;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.Migrations;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.favourites.model.Quote;
import dev.concierge.domain.favourites.model.QuoteSearch;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.favourites.Tables.QUOTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.min;

/**
 * Works next to whatever quotes the migrations seed: the quotes here have ids from 10000 and marker words
 * ("zorbleflax", "wumpfizzle", "Quillaby") that no real quote contains.
 */
class JooqQuoteCatalogueTest {
    private static final Quote LOWER = new Quote(10_001, "the zorbleflax sings at dawn", "Ada Quillaby");
    private static final Quote UPPER = new Quote(10_002, "ZORBLEFLAX never sleeps", "Ben Quillaby");
    private static final Quote MIXED = new Quote(10_003, "A Zorbleflax is 100% patient", "Cleo Marsh");
    private static final Quote OTHER = new Quote(10_004, "A wumpfizzle is 1000 years old", "Dora Quillaby");
    private static final Quote LAST = new Quote(10_005, "zorbleflax, once more", "Eli Marsh");

    private static TestDatabase db;
    private static DSLContext sql;
    private static JooqQuoteCatalogue catalogue;

    @BeforeAll static void catalogueWithKnownQuotes() {
        db = TestDatabase.empty();
        Migrations.migrate(db.dataSource());
        sql = Jooq.context(db.dataSource());
        for (Quote quote : new Quote[] {LOWER, UPPER, MIXED, OTHER, LAST}) {
            sql.insertInto(QUOTES, QUOTES.ID, QUOTES.TEXT, QUOTES.AUTHOR).values(quote.id(), quote.text(), quote.author()).execute();
        }
        catalogue = new JooqQuoteCatalogue(sql);
    }

    @AfterAll static void closeDatabase() { db.close(); }

    @Test void the_migrations_seed_at_least_a_hundred_quotes() {
        assertThat(sql.fetchCount(QUOTES, QUOTES.ID.lt(10_000L))).isGreaterThanOrEqualTo(100);
    }

    @Test void text_search_ignores_case_and_lists_matches_in_catalogue_order() {
        Page<Quote> found = catalogue.search(text("zOrBlEfLaX", PageRequest.first()));

        assertThat(found.items()).containsExactly(LOWER, UPPER, MIXED, LAST);
        assertThat(found.total()).isEqualTo(4);
    }

    @Test void author_search_ignores_case() {
        Page<Quote> found = catalogue.search(author("QUILLABY", PageRequest.first()));

        assertThat(found.items()).containsExactly(LOWER, UPPER, OTHER);
    }

    @Test void text_and_author_together_find_only_quotes_matching_both() {
        Page<Quote> found = catalogue.search(new QuoteSearch(Optional.of("zorbleflax"), Optional.of("marsh"), PageRequest.first()));

        assertThat(found.items()).containsExactly(MIXED, LAST);
    }

    @Test void a_percent_sign_in_the_search_matches_only_itself() {
        Page<Quote> found = catalogue.search(text("is 100%", PageRequest.first()));

        assertThat(found.items()).containsExactly(MIXED);
    }

    @Test void a_search_returns_one_page_and_the_total_of_all_pages() {
        Page<Quote> found = catalogue.search(text("zorbleflax", new PageRequest(2, 1)));

        assertThat(found.items()).containsExactly(UPPER, MIXED);
        assertThat(found.total()).isEqualTo(4);
    }

    @Test void a_page_past_the_end_of_a_search_is_empty_but_still_reports_the_total() {
        Page<Quote> found = catalogue.search(text("zorbleflax", new PageRequest(10, 40)));

        assertThat(found.items()).isEmpty();
        assertThat(found.total()).isEqualTo(4);
    }

    @Test void a_search_that_matches_nothing_is_empty() {
        Page<Quote> found = catalogue.search(text("no-such-word-anywhere-qqq", PageRequest.first()));

        assertThat(found.items()).isEmpty();
        assertThat(found.total()).isZero();
    }

    @Test void a_quote_is_found_by_its_id() {
        assertThat(catalogue.byId(MIXED.id())).contains(MIXED);
    }

    @Test void an_unknown_id_finds_nothing() {
        assertThat(catalogue.byId(987_654_321L)).isEmpty();
    }

    @Test void the_size_is_the_number_of_quotes_in_the_table() {
        assertThat(catalogue.size()).isEqualTo(sql.fetchCount(QUOTES)).isGreaterThanOrEqualTo(5);
    }

    @Test void position_zero_is_the_quote_with_the_lowest_id() {
        long lowest = sql.select(min(QUOTES.ID)).from(QUOTES).fetchSingle().value1();

        assertThat(catalogue.atPosition(0)).map(Quote::id).contains(lowest);
    }

    @Test void the_last_position_is_the_quote_with_the_highest_id() {
        assertThat(catalogue.atPosition(catalogue.size() - 1)).contains(LAST);
    }

    @Test void a_position_past_the_end_finds_nothing() {
        assertThat(catalogue.atPosition(catalogue.size())).isEmpty();
    }

    private static QuoteSearch text(String term, PageRequest page) { return new QuoteSearch(Optional.of(term), Optional.empty(), page); }

    private static QuoteSearch author(String term, PageRequest page) { return new QuoteSearch(Optional.empty(), Optional.of(term), page); }
}
