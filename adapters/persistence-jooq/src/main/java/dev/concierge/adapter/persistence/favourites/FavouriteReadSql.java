package dev.concierge.adapter.persistence.favourites;

import dev.concierge.adapter.persistence.sql.NamedSql;
import dev.concierge.adapter.persistence.sql.PlainSql;
import dev.concierge.adapter.persistence.sql.SqlColumn;
import dev.concierge.adapter.persistence.sql.SqlParameter;
import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.favourites.model.FavouriteQuery;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.UserId;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Favourites' two reads on every page view, a page of the list and one favourite, written by hand as SQL text and run
 * over plain JDBC: rendering them with jOOQ and reading the rows generically cost more CPU than PostgreSQL spends
 * answering them (bench/README.md).
 */
final class FavouriteReadSql {
    private static final SqlParameter<String> OWNER = SqlParameter.text("owner");
    private static final SqlParameter<String> TYPE = SqlParameter.text("type");
    private static final SqlParameter<Long> ID = SqlParameter.bigint("id");
    private static final SqlParameter<Integer> LIMIT = SqlParameter.integer("limit");
    private static final SqlParameter<Long> OFFSET = SqlParameter.bigint("offset");
    private static final SqlColumn<Long> TOTAL = SqlColumn.bigint("total");

    private static final String LIKES_OF_F = "(SELECT count(*) FROM favourites.content_likes l WHERE l.content_key = f.content_key)";

    private static final NamedSql FIND = NamedSql.of("SELECT " + FavouriteRows.COLUMNS + ", " + LIKES_OF_F + " AS likes,"
            + " EXISTS (SELECT 1 FROM favourites.content_likes l WHERE l.content_key = f.content_key AND l.user_id = :owner) AS liked"
            + " FROM favourites.saved_favourites f WHERE f.id = :id AND f.owner_id = :owner");

    private static final NamedSql LIST_NEWEST = list(false, false);
    private static final NamedSql LIST_TYPE_NEWEST = list(true, false);
    private static final NamedSql LIST_MOST_LIKED = list(false, true);
    private static final NamedSql LIST_TYPE_MOST_LIKED = list(true, true);

    private final PlainSql sql;

    FavouriteReadSql(PlainSql sql) { this.sql = sql; }

    Optional<Favourite> find(UserId owner, FavouriteId id) {
        return sql.run(connection -> {
            try (var statement = FIND.prepare(connection).set(OWNER, owner.value()).set(ID, id.value());
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(FavouriteRows.favourite(rows)) : Optional.<Favourite>empty();
            }
        });
    }

    Page<Favourite> list(FavouriteQuery query) {
        boolean typed = query.type().isPresent();
        NamedSql list = switch (query.sort()) {
            case NEWEST -> typed ? LIST_TYPE_NEWEST : LIST_NEWEST;
            case MOST_LIKED -> typed ? LIST_TYPE_MOST_LIKED : LIST_MOST_LIKED;
        };
        return sql.run(connection -> {
            try (var statement = list.prepare(connection).set(OWNER, query.owner().value())
                    .set(LIMIT, query.page().limit()).set(OFFSET, (long) query.page().offset())) {
                if (typed) statement.set(TYPE, query.type().get().wireName());
                try (ResultSet rows = statement.executeQuery()) {
                    List<Favourite> items = new ArrayList<>(query.page().limit());
                    long total = 0;
                    while (rows.next()) {
                        total = TOTAL.from(rows);
                        if (FavouriteRows.ID.from(rows) != null) items.add(FavouriteRows.favourite(rows)); // null: past the end
                    }
                    return new Page<>(items, total);
                }
            }
        });
    }

    /**
     * A page and its total in one round trip that reads only what it answers: the total is the owner's kept count
     * ({@code saved_counts}, one row per type, kept by a trigger), the page is cut from the (owner, type, newest)
     * index, and only the page's rows count their likes. The total is the outer row, so a page past the end still
     * answers it (one row with no favourite).
     */
    private static NamedSql list(boolean typed, boolean mostLiked) {
        String where = " WHERE f.owner_id = :owner" + (typed ? " AND f.type = :type" : "");
        String counted = " WHERE c.owner_id = :owner" + (typed ? " AND c.type = :type" : "");
        String page = mostLiked
                ? "SELECT " + FavouriteRows.COLUMNS + ", f.content_key, " + LIKES_OF_F + " AS likes FROM favourites.saved_favourites f"
                        + where + " ORDER BY likes DESC, f.id DESC LIMIT :limit OFFSET :offset"
                : "SELECT " + FavouriteRows.COLUMNS + ", f.content_key FROM favourites.saved_favourites f"
                        + where + " ORDER BY f.created_at DESC, f.id DESC LIMIT :limit OFFSET :offset";
        String order = mostLiked ? "l.likes DESC, p.id DESC" : "p.created_at DESC, p.id DESC";
        return NamedSql.of("SELECT p.id, p.owner_id, p.type, p.content, p.author, p.created_at, l.likes, l.liked, t.total"
                + " FROM (SELECT CAST(coalesce(sum(c.saved), 0) AS bigint) AS total FROM favourites.saved_counts c" + counted + ") t"
                + " LEFT JOIN LATERAL (" + page + ") p ON true"
                + " LEFT JOIN LATERAL (SELECT count(*) AS likes, coalesce(bool_or(l.user_id = :owner), false) AS liked"
                + " FROM favourites.content_likes l WHERE l.content_key = p.content_key) l ON true"
                + " ORDER BY " + order);
    }
}
