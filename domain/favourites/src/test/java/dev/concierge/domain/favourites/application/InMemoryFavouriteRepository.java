package dev.concierge.domain.favourites.application;

import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.favourites.model.FavouriteQuery;
import dev.concierge.domain.favourites.model.FavouriteSort;
import dev.concierge.domain.favourites.model.FavouriteType;
import dev.concierge.domain.favourites.model.NewFavourite;
import dev.concierge.domain.favourites.model.SavedFavourite;
import dev.concierge.domain.favourites.port.out.FavouriteRepository;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Keeps favourites in a map, with the same owner scoping and uniqueness the real store promises. */
final class InMemoryFavouriteRepository implements FavouriteRepository {

    private static final class Entry {
        final FavouriteId id;
        final UserId owner;
        final NewFavourite content;
        final Instant createdAt;
        final Set<UserId> likedBy = new HashSet<>();

        Entry(FavouriteId id, UserId owner, NewFavourite content, Instant createdAt) {
            this.id = id;
            this.owner = owner;
            this.content = content;
            this.createdAt = createdAt;
        }

        Favourite view() {
            return new Favourite(id, owner, content.type(), content.content(), content.author(), createdAt,
                    likedBy.size(), likedBy.contains(owner));
        }
    }

    private final Clock clock;
    private final Map<FavouriteId, Entry> entries = new LinkedHashMap<>();
    private long lastId;

    InMemoryFavouriteRepository(Clock clock) { this.clock = clock; }

    @Override public SavedFavourite saveIfAbsent(UserId owner, NewFavourite favourite) {
        Optional<Entry> existing = entries.values().stream()
                .filter(e -> e.owner.equals(owner))
                .filter(e -> e.content.type() == favourite.type() && e.content.content().equals(favourite.content()))
                .findFirst();
        if (existing.isPresent()) return new SavedFavourite(existing.get().view(), false);
        Entry entry = new Entry(new FavouriteId(++lastId), owner, favourite, clock.instant());
        entries.put(entry.id, entry);
        return new SavedFavourite(entry.view(), true);
    }

    @Override public Optional<Favourite> find(UserId owner, FavouriteId id) {
        return owned(owner, id).map(Entry::view);
    }

    @Override public Page<Favourite> list(FavouriteQuery query) {
        Comparator<Entry> order = query.sort() == FavouriteSort.MOST_LIKED
                ? Comparator.comparingInt((Entry e) -> e.likedBy.size()).reversed()
                : Comparator.comparing((Entry e) -> e.createdAt).reversed();
        List<Entry> matching = entries.values().stream()
                .filter(e -> e.owner.equals(query.owner()))
                .filter(e -> query.type().map((FavouriteType t) -> t == e.content.type()).orElse(true))
                .sorted(order.thenComparing((Entry e) -> e.id.value(), Comparator.reverseOrder()))
                .toList();
        List<Favourite> slice = matching.stream()
                .skip(query.page().offset()).limit(query.page().limit()).map(Entry::view).toList();
        return new Page<>(slice, matching.size());
    }

    @Override public Optional<Favourite> addLike(UserId user, FavouriteId id) {
        return owned(user, id).map(e -> {
            e.likedBy.add(user);
            return e.view();
        });
    }

    @Override public Optional<Favourite> removeLike(UserId user, FavouriteId id) {
        return owned(user, id).map(e -> {
            e.likedBy.remove(user);
            return e.view();
        });
    }

    @Override public boolean delete(UserId owner, FavouriteId id) {
        return owned(owner, id).map(e -> entries.remove(e.id) != null).orElse(false);
    }

    private Optional<Entry> owned(UserId owner, FavouriteId id) {
        return Optional.ofNullable(entries.get(id)).filter(e -> e.owner.equals(owner));
    }
}
