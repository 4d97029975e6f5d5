package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.Page;

import java.util.List;
import java.util.function.Function;

/** Every list answers {@code {"items": [...], "total": n}}. */
public record ListView<T>(List<T> items, long total) {
    public static <D, V> ListView<V> of(Page<D> page, Function<? super D, ? extends V> view) {
        return new ListView<>(page.items().stream().<V>map(view).toList(), page.total());
    }

    public static <V> ListView<V> of(List<V> all) { return new ListView<>(all, all.size()); }
}
