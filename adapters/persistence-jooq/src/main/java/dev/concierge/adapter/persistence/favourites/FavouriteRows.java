package dev.concierge.adapter.persistence.favourites;

import dev.concierge.adapter.persistence.sql.SqlColumn;
import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.favourites.model.FavouriteType;
import dev.concierge.domain.kernel.UserId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** The columns every hand-written favourites statement answers, and the favourite they make. */
final class FavouriteRows {
    static final SqlColumn<Long> ID = SqlColumn.bigint("id");
    static final SqlColumn<String> OWNER = SqlColumn.text("owner_id");
    static final SqlColumn<String> TYPE = SqlColumn.text("type");
    static final SqlColumn<String> CONTENT = SqlColumn.text("content");
    static final SqlColumn<String> AUTHOR = SqlColumn.text("author");
    static final SqlColumn<OffsetDateTime> CREATED_AT = SqlColumn.timestamptz("created_at");
    static final SqlColumn<Long> LIKES = SqlColumn.bigint("likes");
    static final SqlColumn<Boolean> LIKED = SqlColumn.bool("liked");

    /** The favourite's own columns, for a statement's select list ({@code f} being the saved favourite). */
    static final String COLUMNS = "f.id, f.owner_id, f.type, f.content, f.author, f.created_at";

    private FavouriteRows() {}

    static Favourite favourite(ResultSet row) throws SQLException {
        return new Favourite(
                new FavouriteId(ID.from(row)),
                new UserId(OWNER.from(row)),
                FavouriteType.parse(TYPE.from(row)),
                CONTENT.from(row),
                AUTHOR.from(row),
                CREATED_AT.from(row).toInstant(),
                Math.toIntExact(LIKES.from(row)),
                LIKED.from(row));
    }
}
