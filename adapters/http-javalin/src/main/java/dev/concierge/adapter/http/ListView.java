package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;

import java.util.List;
import java.util.function.Function;

/** Every list answers {@code {"items": [...], "total": n}}. */
public record ListView<T>(List<T> items, long total) {
    public static <D, V> ListView<V> of(Page<D> page, Function<? super D, ? extends V> view) {
        return new ListView<>(page.items().stream().<V>map(view).toList(), page.total());
    }

    /** A list that is short by nature (twelve signs, a created batch), whole. */
    public static <V> ListView<V> of(List<V> all) { return new ListView<>(all, all.size()); }

    /** One page of a list the use case returns whole: a trip's expenses, a test case's revisions. */
    public static <V> ListView<V> page(List<V> all, PageRequest page) {
        int from = Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.limit());
        return new ListView<>(all.subList(from, to), all.size());
    }
}
