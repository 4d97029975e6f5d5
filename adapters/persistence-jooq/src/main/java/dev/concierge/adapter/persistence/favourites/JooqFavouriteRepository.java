package dev.concierge.adapter.persistence.favourites;

import dev.concierge.adapter.persistence.jdbc.PlainJdbc;
import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.favourites.model.FavouriteQuery;
import dev.concierge.domain.favourites.model.FavouriteType;
import dev.concierge.domain.favourites.model.NewFavourite;
import dev.concierge.domain.favourites.model.SavedFavourite;
import dev.concierge.domain.favourites.port.out.FavouriteRepository;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.UserId;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.favourites.Tables.SAVED_FAVOURITES;
import static dev.concierge.adapter.persistence.jooq.favourites.Tables.CONTENT_LIKES;
import static org.jooq.impl.DSL.deleteFrom;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

final class JooqFavouriteRepository implements FavouriteRepository {
    private final DSLContext dsl;

    JooqFavouriteRepository(DSLContext dsl) { this.dsl = dsl; }

    @Override public SavedFavourite saveIfAbsent(UserId owner, NewFavourite favourite) {
        // The unique index (owner, content_key) decides: concurrent saves of the same content yield one row.
        Optional<Long> insertedId = dsl.insertInto(SAVED_FAVOURITES)
                .set(SAVED_FAVOURITES.OWNER_ID, owner.value())
                .set(SAVED_FAVOURITES.TYPE, favourite.type().wireName())
                .set(SAVED_FAVOURITES.CONTENT, favourite.content())
                .set(SAVED_FAVOURITES.AUTHOR, favourite.author())
                .onConflictDoNothing()
                .returning(SAVED_FAVOURITES.ID)
                .fetchOptional(SAVED_FAVOURITES.ID);
        Favourite saved = dsl.select(SAVED_FAVOURITES.fields()).select(LIKES, likedBy(owner))
                .from(SAVED_FAVOURITES)
                .where(insertedId.map(SAVED_FAVOURITES.ID::eq).orElseGet(() -> SAVED_FAVOURITES.OWNER_ID.eq(owner.value())
                        .and(SAVED_FAVOURITES.TYPE.eq(favourite.type().wireName()))
                        .and(SAVED_FAVOURITES.CONTENT.eq(favourite.content()))))
                .fetchOptional(this::toFavourite)
                .orElseThrow(() -> new IllegalStateException("favourite vanished between insert and read"));
        return new SavedFavourite(saved, insertedId.isPresent());
    }

    @Override public Optional<Favourite> find(UserId owner, FavouriteId id) {
        return one(FIND, owner.value(), id.value(), owner.value());
    }

    @Override public Page<Favourite> list(FavouriteQuery query) {
        String owner = query.owner().value();
        boolean typed = query.type().isPresent();
        String sql = switch (query.sort()) {
            case NEWEST -> typed ? LIST_TYPE_NEWEST : LIST_NEWEST;
            case MOST_LIKED -> typed ? LIST_TYPE_MOST_LIKED : LIST_MOST_LIKED;
        };
        List<Object> binds = new ArrayList<>(6);
        for (int filter = 0; filter < 2; filter++) { // the total's, then the page's
            binds.add(owner);
            query.type().ifPresent(type -> binds.add(type.wireName()));
        }
        binds.add(query.page().limit());
        binds.add((long) query.page().offset());
        binds.add(owner);
        return jdbc(connection -> {
            try (PreparedStatement statement = PlainJdbc.prepare(connection, sql, binds.toArray());
                 ResultSet rows = statement.executeQuery()) {
                List<Favourite> items = new ArrayList<>(query.page().limit());
                long total = 0;
                while (rows.next()) {
                    total = rows.getLong(TOTAL_COLUMN);
                    if (rows.getObject(1) != null) items.add(favourite(rows)); // null: a page past the end
                }
                return new Page<>(items, total);
            }
        });
    }

    @Override public Optional<Favourite> addLike(UserId user, FavouriteId id) {
        // Only through the user's own favourite; ON CONFLICT makes a repeated like a no-op.
        return one(LIKE, id.value(), user.value(), user.value());
    }

    @Override public Optional<Favourite> removeLike(UserId user, FavouriteId id) {
        return one(UNLIKE, id.value(), user.value(), user.value());
    }

    /** Deleting a favourite also takes back its owner's like of that content: they no longer keep it. */
    @Override public boolean delete(UserId owner, FavouriteId id) {
        // One statement (data-modifying CTE), so both deletes are atomic without a transaction round trip.
        var deleted = name("deleted").as(deleteFrom(SAVED_FAVOURITES)
                .where(SAVED_FAVOURITES.ID.eq(id.value()).and(SAVED_FAVOURITES.OWNER_ID.eq(owner.value())))
                .returningResult(SAVED_FAVOURITES.CONTENT_KEY));
        var unliked = name("unliked").as(deleteFrom(CONTENT_LIKES)
                .where(CONTENT_LIKES.USER_ID.eq(owner.value()))
                .and(CONTENT_LIKES.CONTENT_KEY.in(select(deleted.field(SAVED_FAVOURITES.CONTENT_KEY)).from(deleted)))
                .returningResult(CONTENT_LIKES.USER_ID));
        return dsl.with(deleted).with(unliked).selectCount().from(deleted).fetchOne(0, int.class) == 1;
    }

    private static Field<Boolean> likedBy(UserId user) {
        return exists(selectOne().from(CONTENT_LIKES)
                .where(CONTENT_LIKES.CONTENT_KEY.eq(SAVED_FAVOURITES.CONTENT_KEY).and(CONTENT_LIKES.USER_ID.eq(user.value()))))
                .as("liked");
    }

    /** Likes are counted on read: an index-only count per content, so no shared counter row serialises likes. */
    private static final Field<Integer> LIKES = field(selectCount().from(CONTENT_LIKES)
            .where(CONTENT_LIKES.CONTENT_KEY.eq(SAVED_FAVOURITES.CONTENT_KEY))).as("likes");

    private Favourite toFavourite(Record row) {
        return new Favourite(
                new FavouriteId(row.get(SAVED_FAVOURITES.ID)),
                new UserId(row.get(SAVED_FAVOURITES.OWNER_ID)),
                FavouriteType.parse(row.get(SAVED_FAVOURITES.TYPE)),
                row.get(SAVED_FAVOURITES.CONTENT),
                row.get(SAVED_FAVOURITES.AUTHOR),
                row.get(SAVED_FAVOURITES.CREATED_AT).toInstant(),
                row.get(LIKES),
                row.get("liked", Boolean.class));
    }

    // The hot paths (list, find, like, unlike) are single statements written once and run over plain JDBC (PlainJdbc;
    // see bench/README.md). Each answers the columns favourite() reads.

    private static final String COLUMNS = "f.id, f.owner_id, f.type, f.content, f.author, f.created_at";
    private static final String LIKES_OF_F = "(SELECT count(*) FROM favourites.content_likes l WHERE l.content_key = f.content_key)";
    private static final String LIKED_BY = "EXISTS (SELECT 1 FROM favourites.content_likes l WHERE l.content_key = f.content_key AND l.user_id = ?)";
    private static final int TOTAL_COLUMN = 9;

    /**
     * A page and its total in one round trip that reads only what it answers: the total is the owner's kept count
     * ({@code saved_counts}, one row per type, kept by a trigger), the page is cut from the (owner, type, newest)
     * index, and only the page's rows count their likes. The total is the outer row, so a page past the end still
     * answers it (one row with no favourite).
     */
    private static String list(boolean typed, boolean mostLiked) {
        String where = " WHERE f.owner_id = ?" + (typed ? " AND f.type = ?" : "");
        String counted = " WHERE c.owner_id = ?" + (typed ? " AND c.type = ?" : "");
        String page = mostLiked
                ? "SELECT " + COLUMNS + ", f.content_key, " + LIKES_OF_F + " AS likes FROM favourites.saved_favourites f"
                        + where + " ORDER BY likes DESC, f.id DESC LIMIT ? OFFSET ?"
                : "SELECT " + COLUMNS + ", f.content_key FROM favourites.saved_favourites f"
                        + where + " ORDER BY f.created_at DESC, f.id DESC LIMIT ? OFFSET ?";
        String order = mostLiked ? "l.likes DESC, p.id DESC" : "p.created_at DESC, p.id DESC";
        return "SELECT p.id, p.owner_id, p.type, p.content, p.author, p.created_at, l.likes, l.liked, t.total"
                + " FROM (SELECT CAST(coalesce(sum(c.saved), 0) AS bigint) AS total FROM favourites.saved_counts c" + counted + ") t"
                + " LEFT JOIN LATERAL (" + page + ") p ON true"
                + " LEFT JOIN LATERAL (SELECT count(*) AS likes, coalesce(bool_or(l.user_id = ?), false) AS liked"
                + " FROM favourites.content_likes l WHERE l.content_key = p.content_key) l ON true"
                + " ORDER BY " + order;
    }

    private static final String LIST_NEWEST = list(false, false);
    private static final String LIST_TYPE_NEWEST = list(true, false);
    private static final String LIST_MOST_LIKED = list(false, true);
    private static final String LIST_TYPE_MOST_LIKED = list(true, true);

    private static final String FIND = "SELECT " + COLUMNS + ", " + LIKES_OF_F + " AS likes, " + LIKED_BY + " AS liked"
            + " FROM favourites.saved_favourites f WHERE f.id = ? AND f.owner_id = ?";

    // Like and unlike change the row and read the favourite back in one statement (one round trip, one commit).
    // The read sees the statement's snapshot, taken before the change, so it adds (or subtracts) the change itself.
    // They commit without waiting for the WAL flush (PlainJdbc.ASYNCHRONOUS_COMMIT): a crash of the database server
    // may forget the last fraction of a second of likes, never anything else. That halves PostgreSQL's CPU per like
    // (README "Benchmarks").
    private static final String LIKE = "WITH " + PlainJdbc.ASYNCHRONOUS_COMMIT + ","
            + " f AS (SELECT * FROM favourites.saved_favourites WHERE id = ? AND owner_id = ?),"
            + " changed AS (INSERT INTO favourites.content_likes (content_key, user_id) SELECT f.content_key, ? FROM f"
            + " ON CONFLICT DO NOTHING RETURNING 1)"
            + " SELECT " + COLUMNS + ", " + LIKES_OF_F + " + (SELECT count(*) FROM changed) AS likes, true AS liked"
            + " FROM f CROSS JOIN asynchronous";
    private static final String UNLIKE = "WITH " + PlainJdbc.ASYNCHRONOUS_COMMIT + ","
            + " f AS (SELECT * FROM favourites.saved_favourites WHERE id = ? AND owner_id = ?),"
            + " changed AS (DELETE FROM favourites.content_likes l USING f WHERE l.content_key = f.content_key AND l.user_id = ?"
            + " RETURNING 1)"
            + " SELECT " + COLUMNS + ", " + LIKES_OF_F + " - (SELECT count(*) FROM changed) AS likes, false AS liked"
            + " FROM f CROSS JOIN asynchronous";

    private Optional<Favourite> one(String sql, Object... binds) {
        return jdbc(connection -> {
            try (PreparedStatement statement = PlainJdbc.prepare(connection, sql, binds); ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(favourite(rows)) : Optional.<Favourite>empty();
            }
        });
    }

    private static Favourite favourite(ResultSet row) throws SQLException {
        return new Favourite(
                new FavouriteId(row.getLong(1)),
                new UserId(row.getString(2)),
                FavouriteType.parse(row.getString(3)),
                row.getString(4),
                row.getString(5),
                row.getObject(6, OffsetDateTime.class).toInstant(),
                row.getInt(7),
                row.getBoolean(8));
    }

    private <T> T jdbc(PlainJdbc.Work<T> work) { return PlainJdbc.run(dsl, work); }
}
