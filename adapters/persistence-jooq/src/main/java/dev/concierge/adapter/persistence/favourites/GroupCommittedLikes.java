package dev.concierge.adapter.persistence.favourites;

import dev.concierge.adapter.persistence.sql.NamedSql;
import dev.concierge.adapter.persistence.sql.PlainSql;
import dev.concierge.adapter.persistence.sql.SqlColumn;
import dev.concierge.adapter.persistence.sql.SqlParameter;
import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.kernel.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Likes and unlikes committed in groups. Changes that arrive while a group is being written wait and go into the next
 * group together: one statement and one ordinary (synchronous) commit for all of them. Each caller returns only after
 * the commit that holds its change, so a like the user saw succeed survives a database crash like every other write;
 * under load the instance pays one transaction and one WAL flush per group instead of one per like (bench/README.md).
 * A quiet instance writes each change on its own, as soon as it arrives.
 * <p>
 * One writer thread per instance; the statement changes one row per (content, user) and counts the likes on read, so
 * no shared counter row serialises likes. A group holds each (favourite, user) at most once, so a like and an unlike
 * of the same favourite by the same user apply in the order they arrived.
 */
final class GroupCommittedLikes {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommittedLikes.class);
    /** Bounds one statement's size; under more load than this the groups follow each other back to back. */
    static final int MAX_GROUP = 256;
    private static final String DEADLOCK = "40P01";

    private static final SqlParameter<Long[]> FAVOURITES = SqlParameter.bigintArray("favourites");
    private static final SqlParameter<String[]> USERS = SqlParameter.textArray("users");
    private static final SqlParameter<Boolean[]> LIKING = SqlParameter.booleanArray("liking");
    private static final SqlColumn<Long> POSITION = SqlColumn.bigint("position");

    /**
     * Only through the liker's own favourite. The counts read the statement's snapshot, taken before its changes, so
     * each row adds (or subtracts) the group's own changes to that content: everyone in the group sees the count their
     * commit made.
     */
    private static final NamedSql CHANGE = NamedSql.of("""
            WITH asked AS (
                SELECT * FROM unnest(CAST(:favourites AS bigint[]), CAST(:users AS text[]), CAST(:liking AS boolean[]))
                    WITH ORDINALITY AS a(favourite_id, user_id, liking, position)),
            f AS (
                SELECT a.position, a.user_id AS liker, a.liking, s.id, s.owner_id, s.type, s.content, s.author,
                       s.created_at, s.content_key
                FROM asked a JOIN favourites.saved_favourites s ON s.id = a.favourite_id AND s.owner_id = a.user_id),
            liked AS (
                INSERT INTO favourites.content_likes (content_key, user_id)
                SELECT f.content_key, f.liker FROM f WHERE f.liking ORDER BY f.content_key, f.liker
                ON CONFLICT DO NOTHING RETURNING content_key),
            unliked AS (
                DELETE FROM favourites.content_likes l USING f
                WHERE NOT f.liking AND l.content_key = f.content_key AND l.user_id = f.liker
                RETURNING l.content_key)
            SELECT f.position, f.id, f.owner_id, f.type, f.content, f.author, f.created_at,
                   (SELECT count(*) FROM favourites.content_likes l WHERE l.content_key = f.content_key)
                   + (SELECT count(*) FROM liked WHERE liked.content_key = f.content_key)
                   - (SELECT count(*) FROM unliked WHERE unliked.content_key = f.content_key) AS likes,
                   f.liking AS liked
            FROM f""");

    private record Change(UserId user, FavouriteId favourite, boolean like, CompletableFuture<Optional<Favourite>> done) {
        Key key() { return new Key(favourite.value(), user.value()); }
    }

    private record Key(long favourite, String user) {}

    private final PlainSql sql;
    private final BlockingQueue<Change> arriving = new LinkedBlockingQueue<>();
    private final Deque<Change> heldBack = new ArrayDeque<>(); // the writer's own: a later change to a key in the group

    GroupCommittedLikes(PlainSql sql) {
        this.sql = sql;
        // A virtual thread parked on an empty queue costs nothing and never holds the JVM up. At shutdown the HTTP
        // server drains its requests before the pool closes, so every change that arrived has been written by then.
        Thread.ofVirtual().name("favourite-likes-writer").start(this::write);
    }

    Optional<Favourite> like(UserId user, FavouriteId favourite) { return submit(new Change(user, favourite, true, new CompletableFuture<>())); }

    Optional<Favourite> unlike(UserId user, FavouriteId favourite) { return submit(new Change(user, favourite, false, new CompletableFuture<>())); }

    private Optional<Favourite> submit(Change change) {
        arriving.add(change);
        try {
            return change.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            throw e;
        }
    }

    private void write() {
        while (true) {
            List<Change> group;
            try {
                group = nextGroup();
            } catch (InterruptedException e) {
                return;
            }
            try {
                complete(group, writeWithOneRetry(group));
            } catch (RuntimeException | Error e) {
                group.forEach(change -> change.done().completeExceptionally(e));
            }
        }
    }

    /** Waits for a change, then takes every change waiting (held-back ones first), each (favourite, user) once. */
    private List<Change> nextGroup() throws InterruptedException {
        if (heldBack.isEmpty()) heldBack.add(arriving.take());
        arriving.drainTo(heldBack);
        List<Change> group = new ArrayList<>();
        Set<Key> inGroup = new HashSet<>();
        Set<Key> heldKeys = new HashSet<>();
        Deque<Change> later = new ArrayDeque<>();
        for (Change change : heldBack) {
            Key key = change.key();
            if (group.size() < MAX_GROUP && !inGroup.contains(key) && !heldKeys.contains(key)) {
                inGroup.add(key);
                group.add(change);
            } else {
                heldKeys.add(key); // and every later change to it, so each key keeps its order
                later.add(change);
            }
        }
        heldBack.clear();
        heldBack.addAll(later);
        // Sorted, so concurrent groups (from other instances) take the rows' locks in the same order.
        group.sort(Comparator.comparingLong((Change c) -> c.favourite().value()).thenComparing(c -> c.user().value()));
        return group;
    }

    /** A deadlock with another instance's group (or a delete) is PostgreSQL's choice of victim: write it once more. */
    private Map<Long, Favourite> writeWithOneRetry(List<Change> group) {
        try {
            return writeGroup(group);
        } catch (PlainSql.SqlFailure e) {
            if (!DEADLOCK.equals(e.sqlState())) throw e;
            LOG.info("a group of {} like(s) was chosen as a deadlock victim; writing it again", group.size());
            return writeGroup(group);
        }
    }

    /** One statement in its own transaction (auto-commit): it returns once the commit is on disk. */
    private Map<Long, Favourite> writeGroup(List<Change> group) {
        Long[] favourites = new Long[group.size()];
        String[] users = new String[group.size()];
        Boolean[] liking = new Boolean[group.size()];
        for (int i = 0; i < group.size(); i++) {
            favourites[i] = group.get(i).favourite().value();
            users[i] = group.get(i).user().value();
            liking[i] = group.get(i).like();
        }
        return sql.run(connection -> {
            try (var statement = CHANGE.prepare(connection).set(FAVOURITES, favourites).set(USERS, users).set(LIKING, liking);
                 ResultSet rows = statement.executeQuery()) {
                Map<Long, Favourite> byPosition = new HashMap<>();
                while (rows.next()) byPosition.put(POSITION.from(rows), FavouriteRows.favourite(rows));
                return byPosition;
            }
        });
    }

    private static void complete(List<Change> group, Map<Long, Favourite> byPosition) {
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(Optional.ofNullable(byPosition.get(i + 1L))); // absent: no such favourite of theirs
        }
    }
}
