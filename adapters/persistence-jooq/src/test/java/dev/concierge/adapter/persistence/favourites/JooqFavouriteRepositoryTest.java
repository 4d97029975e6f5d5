package dev.concierge.adapter.persistence.favourites;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.adapter.persistence.sql.PlainSql;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.favourites.model.FavouriteQuery;
import dev.concierge.domain.favourites.model.FavouriteSort;
import dev.concierge.domain.favourites.model.FavouriteType;
import dev.concierge.domain.favourites.model.NewFavourite;
import dev.concierge.domain.favourites.model.SavedFavourite;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.concierge.adapter.persistence.jooq.favourites.Tables.CONTENT_LIKES;
import static dev.concierge.adapter.persistence.jooq.favourites.Tables.SAVED_FAVOURITES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class JooqFavouriteRepositoryTest {
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");

    private TestDatabase db;
    private DSLContext sql;
    private JooqFavouriteRepository favourites;

    @BeforeEach void freshDatabase() {
        db = TestDatabase.migrated();
        sql = Jooq.context(db.dataSource());
        favourites = new JooqFavouriteRepository(sql, new PlainSql(db.dataSource()));
    }

    @AfterEach void closeDatabase() { db.close(); }

    // --- saving

    @Test void saving_new_content_creates_a_favourite_with_no_likes() {
        SavedFavourite saved = favourites.saveIfAbsent(ALICE, new NewFavourite(FavouriteType.QUOTE, "Stay hungry.", "Steve Jobs"));

        assertThat(saved.created()).isTrue();
        assertThat(saved.favourite()).satisfies(f -> {
            assertThat(f.owner()).isEqualTo(ALICE);
            assertThat(f.type()).isEqualTo(FavouriteType.QUOTE);
            assertThat(f.content()).isEqualTo("Stay hungry.");
            assertThat(f.author()).isEqualTo("Steve Jobs");
            assertThat(f.createdAt()).isNotNull();
            assertThat(f.likes()).isZero();
            assertThat(f.likedByOwner()).isFalse();
        });
    }

    @Test void saving_the_same_content_again_returns_the_first_favourite_without_creating_another() {
        Favourite first = save(ALICE, "Stay hungry.");

        SavedFavourite again = favourites.saveIfAbsent(ALICE, quote("Stay hungry."));

        assertThat(again.created()).isFalse();
        assertThat(again.favourite()).isEqualTo(first);
        assertThat(rowsOf(ALICE)).isEqualTo(1);
    }

    @Test void saving_content_that_differs_only_by_surrounding_whitespace_finds_the_first_favourite() {
        Favourite first = save(ALICE, "Stay hungry.");

        SavedFavourite again = favourites.saveIfAbsent(ALICE, quote("  \n Stay hungry.\t "));

        assertThat(again.created()).isFalse();
        assertThat(again.favourite().id()).isEqualTo(first.id());
    }

    @Test void the_same_content_saved_by_two_users_gives_each_their_own_favourite() {
        SavedFavourite alices = favourites.saveIfAbsent(ALICE, quote("Stay hungry."));
        SavedFavourite bobs = favourites.saveIfAbsent(BOB, quote("Stay hungry."));

        assertThat(bobs.created()).isTrue();
        assertThat(bobs.favourite().id()).isNotEqualTo(alices.favourite().id());
        assertThat(bobs.favourite().owner()).isEqualTo(BOB);
    }

    @Test void the_same_text_saved_as_a_quote_and_as_a_horoscope_gives_two_favourites() {
        save(ALICE, "A good day.");

        SavedFavourite horoscope = favourites.saveIfAbsent(ALICE, new NewFavourite(FavouriteType.HOROSCOPE, "A good day.", null));

        assertThat(horoscope.created()).isTrue();
        assertThat(horoscope.favourite().type()).isEqualTo(FavouriteType.HOROSCOPE);
    }

    // --- reading

    @Test void an_owner_finds_their_favourite_by_id() {
        Favourite saved = save(ALICE, "Stay hungry.");

        assertThat(favourites.find(ALICE, saved.id())).contains(saved);
    }

    @Test void another_user_cannot_find_the_favourite() {
        Favourite alices = save(ALICE, "Stay hungry.");

        assertThat(favourites.find(BOB, alices.id())).isEmpty();
    }

    @Test void a_favourite_that_does_not_exist_is_not_found() {
        assertThat(favourites.find(ALICE, new FavouriteId(999_999))).isEmpty();
    }

    @Test void another_users_favourites_never_appear_in_a_list() {
        save(ALICE, "Stay hungry.");
        save(BOB, "Stay foolish.");

        Page<Favourite> bobs = favourites.list(newest(BOB, PageRequest.first()));

        assertThat(bobs.items()).extracting(Favourite::content).containsExactly("Stay foolish.");
        assertThat(bobs.total()).isEqualTo(1);
    }

    // --- likes

    @Test void liking_counts_one_like_and_marks_it_as_the_owners() {
        Favourite saved = save(ALICE, "Stay hungry.");

        Optional<Favourite> liked = favourites.addLike(ALICE, saved.id());

        assertThat(liked).hasValueSatisfying(f -> {
            assertThat(f.likes()).isEqualTo(1);
            assertThat(f.likedByOwner()).isTrue();
        });
    }

    @Test void a_second_like_by_the_same_user_does_not_count_twice() {
        Favourite saved = save(ALICE, "Stay hungry.");
        favourites.addLike(ALICE, saved.id());

        Optional<Favourite> likedAgain = favourites.addLike(ALICE, saved.id());

        assertThat(likedAgain.orElseThrow().likes()).isEqualTo(1);
    }

    @Test void another_user_cannot_like_the_favourite() {
        Favourite alices = save(ALICE, "Stay hungry.");

        assertThat(favourites.addLike(BOB, alices.id())).isEmpty();
        assertThat(favourites.find(ALICE, alices.id()).orElseThrow().likes()).isZero();
    }

    @Test void liking_a_favourite_that_does_not_exist_answers_empty() {
        assertThat(favourites.addLike(ALICE, new FavouriteId(999_999))).isEmpty();
    }

    @Test void two_users_who_saved_the_same_quote_and_each_liked_it_both_see_two_likes() {
        Favourite alices = save(ALICE, "Stay hungry.");
        Favourite bobs = save(BOB, "Stay hungry.");

        favourites.addLike(ALICE, alices.id());
        favourites.addLike(BOB, bobs.id());

        assertThat(favourites.find(ALICE, alices.id()).orElseThrow().likes()).isEqualTo(2);
        assertThat(favourites.find(BOB, bobs.id()).orElseThrow().likes()).isEqualTo(2);
    }

    @Test void liked_by_owner_reflects_only_the_owners_own_like() {
        Favourite alices = save(ALICE, "Stay hungry.");
        Favourite bobs = save(BOB, "Stay hungry.");

        favourites.addLike(ALICE, alices.id());

        assertThat(favourites.find(ALICE, alices.id()).orElseThrow()).extracting(Favourite::likes, Favourite::likedByOwner)
                .containsExactly(1, true);
        assertThat(favourites.find(BOB, bobs.id()).orElseThrow()).extracting(Favourite::likes, Favourite::likedByOwner)
                .containsExactly(1, false);
    }

    @Test void likes_of_one_content_do_not_count_for_another() {
        Favourite hungry = save(ALICE, "Stay hungry.");
        Favourite foolish = save(ALICE, "Stay foolish.");

        favourites.addLike(ALICE, hungry.id());

        assertThat(favourites.find(ALICE, foolish.id()).orElseThrow().likes()).isZero();
    }

    @Test void unliking_takes_back_only_that_users_like() {
        Favourite alices = save(ALICE, "Stay hungry.");
        Favourite bobs = save(BOB, "Stay hungry.");
        favourites.addLike(ALICE, alices.id());
        favourites.addLike(BOB, bobs.id());

        Optional<Favourite> unliked = favourites.removeLike(ALICE, alices.id());

        assertThat(unliked.orElseThrow()).extracting(Favourite::likes, Favourite::likedByOwner).containsExactly(1, false);
        assertThat(favourites.find(BOB, bobs.id()).orElseThrow()).extracting(Favourite::likes, Favourite::likedByOwner)
                .containsExactly(1, true);
    }

    @Test void unliking_what_was_never_liked_changes_nothing() {
        Favourite saved = save(ALICE, "Stay hungry.");

        assertThat(favourites.removeLike(ALICE, saved.id()).orElseThrow().likes()).isZero();
    }

    @Test void another_user_cannot_unlike_through_the_owners_favourite() {
        Favourite alices = save(ALICE, "Stay hungry.");
        Favourite bobs = save(BOB, "Stay hungry.");
        favourites.addLike(ALICE, alices.id());
        favourites.addLike(BOB, bobs.id());

        Optional<Favourite> attempt = favourites.removeLike(BOB, alices.id());

        assertThat(attempt).isEmpty();
        assertThat(favourites.find(BOB, bobs.id()).orElseThrow().likedByOwner()).isTrue();
        assertThat(favourites.find(ALICE, alices.id()).orElseThrow().likes()).isEqualTo(2);
    }

    /**
     * A like or unlike returns only once its commit is on disk, like every other write: right after it returns, the
     * server has flushed all the WAL it has written. (An asynchronous commit leaves its record in memory for up to the
     * WAL writer's delay, 200 ms.) The repository runs on a pool whose sessions commit synchronously, as production's
     * server does; the embedded test server's own default is not to.
     */
    @Test void a_like_or_unlike_returns_only_after_its_commit_is_on_disk() throws Exception {
        long id = save(ALICE, "Well begun is half done.").id().value();
        try (var synchronous = pool(db.jdbcUrl() + "?options=-c%20synchronous_commit%3Don");
             Connection observer = db.dataSource().getConnection()) {
            var onThatPool = new JooqFavouriteRepository(sql, new PlainSql(synchronous));
            for (int i = 0; i < 10; i++) {
                String before = walInsertedUpTo(observer);
                onThatPool.addLike(ALICE, new FavouriteId(id));
                assertThat(walFlushedPast(observer, before)).as("after like %d", i).isTrue();
                before = walInsertedUpTo(observer);
                onThatPool.removeLike(ALICE, new FavouriteId(id));
                assertThat(walFlushedPast(observer, before)).as("after unlike %d", i).isTrue();
            }
        }
    }

    private static HikariDataSource pool(String url) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static String walInsertedUpTo(Connection connection) throws Exception {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * The change's commit record lies after {@code before}, so a flush past it means the commit reached the disk (an
     * asynchronous commit leaves the flush where it was until the WAL writer's next round). Not "flushed up to the
     * latest record": the server's own records (running transactions, autovacuum) may follow a commit unflushed.
     */
    private static boolean walFlushedPast(Connection connection, String before) throws Exception {
        try (var statement = connection.prepareStatement("SELECT pg_current_wal_flush_lsn() > CAST(? AS pg_lsn)")) {
            statement.setString(1, before);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    // --- deleting

    @Test void deleting_removes_the_favourite() {
        Favourite saved = save(ALICE, "Stay hungry.");

        assertThat(favourites.delete(ALICE, saved.id())).isTrue();
        assertThat(favourites.find(ALICE, saved.id())).isEmpty();
    }

    @Test void deleting_takes_back_the_owners_like_of_that_content_and_keeps_the_others() {
        Favourite alices = save(ALICE, "Stay hungry.");
        Favourite bobs = save(BOB, "Stay hungry.");
        favourites.addLike(ALICE, alices.id());
        favourites.addLike(BOB, bobs.id());

        favourites.delete(ALICE, alices.id());

        assertThat(favourites.find(BOB, bobs.id()).orElseThrow()).extracting(Favourite::likes, Favourite::likedByOwner)
                .containsExactly(1, true);
    }

    @Test void saving_again_after_deleting_starts_without_the_old_like() {
        Favourite first = save(ALICE, "Stay hungry.");
        favourites.addLike(ALICE, first.id());
        favourites.delete(ALICE, first.id());

        SavedFavourite again = favourites.saveIfAbsent(ALICE, quote("Stay hungry."));

        assertThat(again.created()).isTrue();
        assertThat(again.favourite()).extracting(Favourite::likes, Favourite::likedByOwner).containsExactly(0, false);
    }

    @Test void another_user_cannot_delete_the_favourite() {
        Favourite alices = save(ALICE, "Stay hungry.");

        assertThat(favourites.delete(BOB, alices.id())).isFalse();
        assertThat(favourites.find(ALICE, alices.id())).isPresent();
    }

    @Test void deleting_a_favourite_that_does_not_exist_answers_false() {
        assertThat(favourites.delete(ALICE, new FavouriteId(999_999))).isFalse();
    }

    // --- listing

    @Test void listing_by_type_shows_only_favourites_of_that_type() {
        save(ALICE, "Stay hungry.");
        favourites.saveIfAbsent(ALICE, new NewFavourite(FavouriteType.HOROSCOPE, "A good day for Leo.", null));

        Page<Favourite> horoscopes = favourites.list(new FavouriteQuery(ALICE, Optional.of(FavouriteType.HOROSCOPE),
                FavouriteSort.NEWEST, PageRequest.first()));

        assertThat(horoscopes.items()).extracting(Favourite::content).containsExactly("A good day for Leo.");
        assertThat(horoscopes.total()).isEqualTo(1);
    }

    @Test void listing_newest_first_puts_the_latest_saved_first() {
        saveAll(ALICE, "one", "two", "three");

        assertThat(contents(favourites.list(newest(ALICE, PageRequest.first())))).containsExactly("three", "two", "one");
    }

    @Test void listing_newest_first_breaks_a_tie_in_creation_time_by_the_higher_id_first() {
        List<Favourite> saved = saveAll(ALICE, "one", "two", "three");
        sql.update(SAVED_FAVOURITES).set(SAVED_FAVOURITES.CREATED_AT, OffsetDateTime.parse("2025-01-01T00:00:00Z")).execute();

        assertThat(favourites.list(newest(ALICE, PageRequest.first())).items()).extracting(Favourite::id)
                .containsExactly(saved.get(2).id(), saved.get(1).id(), saved.get(0).id());
    }

    @Test void listing_most_liked_first_puts_the_most_liked_first() {
        List<Favourite> saved = saveAll(ALICE, "liked by none", "liked by two", "liked by one");
        likeAsOtherUsers(saved.get(1).content(), "u1", "u2");
        likeAsOtherUsers(saved.get(2).content(), "u3");

        Page<Favourite> page = favourites.list(mostLiked(ALICE, PageRequest.first()));

        assertThat(page.items()).extracting(Favourite::content, Favourite::likes)
                .containsExactly(tuple("liked by two", 2), tuple("liked by one", 1), tuple("liked by none", 0));
    }

    @Test void listing_most_liked_first_breaks_a_tie_in_likes_by_the_higher_id_first() {
        List<Favourite> saved = saveAll(ALICE, "first", "second", "third");
        likeAsOtherUsers("first", "u1");
        likeAsOtherUsers("third", "u1");

        assertThat(favourites.list(mostLiked(ALICE, PageRequest.first())).items()).extracting(Favourite::id)
                .containsExactly(saved.get(2).id(), saved.get(0).id(), saved.get(1).id());
    }

    @Test void the_second_page_of_most_liked_first_continues_the_order_with_its_own_likes_and_the_owners_likes() {
        List<Favourite> saved = saveAll(ALICE, "none", "three", "one", "two");
        likeAsOtherUsers("three", "u1", "u2", "u3");
        likeAsOtherUsers("two", "u1", "u2");
        likeAsOtherUsers("one", "u1");
        favourites.addLike(ALICE, saved.get(0).id());

        Page<Favourite> second = favourites.list(mostLiked(ALICE, new PageRequest(2, 2)));

        assertThat(second.items()).extracting(Favourite::content, Favourite::likes, Favourite::likedByOwner)
                .containsExactly(tuple("one", 1, false), tuple("none", 1, true));
        assertThat(second.total()).isEqualTo(4);
    }

    @Test void listing_shows_each_favourites_likes_and_whether_its_owner_liked_it() {
        Favourite saved = save(ALICE, "Stay hungry.");
        favourites.addLike(ALICE, saved.id());
        likeAsOtherUsers("Stay hungry.", "u1");

        assertThat(favourites.list(newest(ALICE, PageRequest.first())).items())
                .extracting(Favourite::likes, Favourite::likedByOwner).containsExactly(tuple(2, true));
    }

    @Test void listing_returns_one_page_and_the_total_of_all_pages() {
        saveAll(ALICE, "one", "two", "three", "four", "five");

        Page<Favourite> page = favourites.list(newest(ALICE, new PageRequest(2, 1)));

        assertThat(contents(page)).containsExactly("four", "three");
        assertThat(page.total()).isEqualTo(5);
    }

    @Test void a_page_past_the_end_is_empty_but_still_reports_the_total() {
        saveAll(ALICE, "one", "two", "three");

        Page<Favourite> page = favourites.list(newest(ALICE, new PageRequest(10, 50)));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isEqualTo(3);
    }

    @Test void the_total_past_the_end_counts_only_the_listed_type() {
        saveAll(ALICE, "one", "two");
        favourites.saveIfAbsent(ALICE, new NewFavourite(FavouriteType.HOROSCOPE, "A good day for Leo.", null));

        Page<Favourite> page = favourites.list(new FavouriteQuery(ALICE, Optional.of(FavouriteType.QUOTE),
                FavouriteSort.NEWEST, new PageRequest(10, 10)));

        assertThat(page.total()).isEqualTo(2);
    }

    @Test void a_user_without_favourites_gets_an_empty_list() {
        save(BOB, "Stay hungry.");

        Page<Favourite> page = favourites.list(newest(ALICE, PageRequest.first()));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    // --- concurrency

    @Test void forty_users_liking_the_same_quote_at_the_same_moment_lose_no_like_and_double_none() throws Exception {
        List<UserId> users = IntStream.rangeClosed(1, 40).mapToObj(i -> new UserId("user-" + i)).toList();
        List<Favourite> saved = users.stream().map(user -> save(user, "Stay hungry.")).toList();

        allAtOnce(IntStream.range(0, users.size())
                .mapToObj(i -> (Callable<Optional<Favourite>>) () -> favourites.addLike(users.get(i), saved.get(i).id()))
                .toList());

        for (int i = 0; i < users.size(); i++) {
            assertThat(favourites.find(users.get(i), saved.get(i).id()).orElseThrow().likes()).as(users.get(i).value())
                    .isEqualTo(40);
        }
    }

    @Test void concurrent_likes_and_unlikes_of_many_users_end_with_exact_counts() throws Exception {
        List<UserId> users = IntStream.rangeClosed(1, 30).mapToObj(i -> new UserId("user-" + i)).toList();
        List<Favourite> quotes = users.stream().map(user -> save(user, "Stay hungry.")).toList();
        List<Favourite> horoscopes = users.stream().map(user -> save(user, "A calm week.")).toList();
        List<Callable<Optional<Favourite>>> tasks = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            UserId user = users.get(i);
            FavouriteId quote = quotes.get(i).id();
            FavouriteId horoscope = horoscopes.get(i).id();
            tasks.add(() -> favourites.addLike(user, quote));
            tasks.add(() -> favourites.addLike(user, quote));         // a repeat counts once
            tasks.add(() -> favourites.addLike(user, horoscope));
            if (i % 3 == 0) {                                        // every third user takes the horoscope's back
                tasks.add(() -> {
                    favourites.addLike(user, horoscope);
                    return favourites.removeLike(user, horoscope);
                });
            }
        }

        allAtOnce(tasks);

        // Each user's unlike ran after one of their likes returned; the other like may have come before or after it.
        long horoscopeLikes = sql.fetchCount(CONTENT_LIKES, CONTENT_LIKES.CONTENT_KEY.eq(
                sql.select(SAVED_FAVOURITES.CONTENT_KEY).from(SAVED_FAVOURITES).where(SAVED_FAVOURITES.ID.eq(horoscopes.getFirst().id().value()))));
        assertThat(horoscopeLikes).isBetween(20L, 30L);
        for (int i = 0; i < users.size(); i++) {
            assertThat(favourites.find(users.get(i), quotes.get(i).id()).orElseThrow().likes()).isEqualTo(30);
            assertThat(favourites.find(users.get(i), horoscopes.get(i).id()).orElseThrow().likes()).isEqualTo((int) horoscopeLikes);
        }
    }

    @Test void one_user_liking_and_unliking_many_favourites_at_once_ends_with_what_each_last_asked() throws Exception {
        List<Favourite> saved = IntStream.range(0, 40).mapToObj(i -> save(ALICE, "quote " + i)).toList();
        List<Callable<Optional<Favourite>>> tasks = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            FavouriteId id = saved.get(i).id();
            boolean endLiked = i % 2 == 0;
            tasks.add(() -> {                                          // in order on each favourite, all favourites at once
                favourites.addLike(ALICE, id);
                favourites.removeLike(ALICE, id);
                favourites.addLike(ALICE, id);
                return endLiked ? favourites.find(ALICE, id) : favourites.removeLike(ALICE, id);
            });
        }

        List<Optional<Favourite>> last = allAtOnce(tasks);

        for (int i = 0; i < saved.size(); i++) {
            Favourite answered = last.get(i).orElseThrow();
            Favourite now = favourites.find(ALICE, saved.get(i).id()).orElseThrow();
            assertThat(now.likes()).as("favourite %d", i).isEqualTo(i % 2 == 0 ? 1 : 0);
            assertThat(now.likedByOwner()).isEqualTo(i % 2 == 0);
            assertThat(answered.likes()).isEqualTo(now.likes());
        }
    }

    @Test void twenty_simultaneous_saves_of_the_same_favourite_by_one_user_create_exactly_one() throws Exception {
        List<SavedFavourite> results = allAtOnce(IntStream.range(0, 20)
                .mapToObj(i -> (Callable<SavedFavourite>) () -> favourites.saveIfAbsent(ALICE, quote("Stay hungry.")))
                .toList());

        assertThat(rowsOf(ALICE)).isEqualTo(1);
        assertThat(results).filteredOn(SavedFavourite::created).hasSize(1);
        assertThat(results).extracting(r -> r.favourite().id()).containsOnly(results.getFirst().favourite().id());
    }

    /** The total is a kept count (saved_counts, by trigger): it must stay the real number of rows whatever races. */
    @Test void totals_stay_exact_under_simultaneous_saves_duplicate_saves_and_deletes() throws Exception {
        List<Favourite> early = saveAll(ALICE, "a", "b", "c", "d", "e", "f");
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String text = "quote " + (i % 15);                      // every quote saved twice at once: one row each
            tasks.add(() -> favourites.saveIfAbsent(ALICE, quote(text)));
        }
        for (int i = 0; i < 10; i++) {
            String text = "horoscope " + i;
            tasks.add(() -> favourites.saveIfAbsent(ALICE, new NewFavourite(FavouriteType.HOROSCOPE, text, null)));
        }
        for (Favourite gone : early.subList(0, 4)) {
            tasks.add(() -> favourites.delete(ALICE, gone.id()));
            tasks.add(() -> favourites.delete(ALICE, gone.id()));  // deleted twice at once: counted once
        }
        allAtOnce(tasks);

        assertThat(rowsOf(ALICE)).isEqualTo(2 + 15 + 10);
        assertThat(favourites.list(newest(ALICE, PageRequest.first())).total()).isEqualTo(27);
        assertThat(favourites.list(new FavouriteQuery(ALICE, Optional.of(FavouriteType.QUOTE), FavouriteSort.NEWEST,
                PageRequest.first())).total()).isEqualTo(17);
        assertThat(favourites.list(new FavouriteQuery(ALICE, Optional.of(FavouriteType.HOROSCOPE), FavouriteSort.NEWEST,
                PageRequest.first())).total()).isEqualTo(10);
    }

    // --- arrange helpers

    private static NewFavourite quote(String text) { return new NewFavourite(FavouriteType.QUOTE, text, "Someone"); }

    private Favourite save(UserId owner, String text) { return favourites.saveIfAbsent(owner, quote(text)).favourite(); }

    /** Saves in order, so later ones are newer and have higher ids. */
    private List<Favourite> saveAll(UserId owner, String... texts) {
        List<Favourite> saved = new ArrayList<>();
        for (String text : texts) saved.add(save(owner, text));
        return saved;
    }

    /** Each user saves the same quote and likes it, which counts for every owner of that quote. */
    private void likeAsOtherUsers(String text, String... users) {
        for (String name : users) {
            UserId user = new UserId(name);
            favourites.addLike(user, save(user, text).id());
        }
    }

    private int rowsOf(UserId owner) { return sql.fetchCount(SAVED_FAVOURITES, SAVED_FAVOURITES.OWNER_ID.eq(owner.value())); }

    private static FavouriteQuery newest(UserId owner, PageRequest page) {
        return new FavouriteQuery(owner, Optional.empty(), FavouriteSort.NEWEST, page);
    }

    private static FavouriteQuery mostLiked(UserId owner, PageRequest page) {
        return new FavouriteQuery(owner, Optional.empty(), FavouriteSort.MOST_LIKED, page);
    }

    private static List<String> contents(Page<Favourite> page) { return page.items().stream().map(Favourite::content).toList(); }

    /** Starts every task at the same instant, each on its own thread, and waits for all of them. */
    private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all threads ready").isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) results.add(result.get(30, TimeUnit.SECONDS));
            return results;
        }
    }
}
