package dev.concierge.domain.kernel;

import java.util.List;
import java.util.function.Function;

/** One slice of a list and how many items the whole list holds. */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
        if (total < items.size()) throw new IllegalArgumentException("total " + total + " < items " + items.size());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total);
    }
}
