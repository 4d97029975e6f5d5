package dev.concierge.adapter.persistence.favourites;

import dev.concierge.adapter.persistence.sql.PlainSql;
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

/**
 * Saving and deleting in jOOQ; the two reads on every page view in hand-written SQL ({@link FavouriteReadSql}); likes
 * and unlikes committed in groups ({@link GroupCommittedLikes}). Why each is written as it is: bench/README.md.
 */
final class JooqFavouriteRepository implements FavouriteRepository {
    private final DSLContext dsl;
    private final FavouriteReadSql reads;
    private final GroupCommittedLikes likes;

    JooqFavouriteRepository(DSLContext dsl, PlainSql sql) {
        this.dsl = dsl;
        this.reads = new FavouriteReadSql(sql);
        this.likes = new GroupCommittedLikes(sql);
    }

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

    @Override public Optional<Favourite> find(UserId owner, FavouriteId id) { return reads.find(owner, id); }

    @Override public Page<Favourite> list(FavouriteQuery query) { return reads.list(query); }

    /** Only through the user's own favourite; a repeated like changes nothing (one row per content and user). */
    @Override public Optional<Favourite> addLike(UserId user, FavouriteId id) { return likes.like(user, id); }

    @Override public Optional<Favourite> removeLike(UserId user, FavouriteId id) { return likes.unlike(user, id); }

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
}
