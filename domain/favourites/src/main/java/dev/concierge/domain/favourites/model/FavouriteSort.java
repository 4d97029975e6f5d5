package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

/** Orders a user can list favourites in; ties break by id so paging is stable. */
public enum FavouriteSort {
    NEWEST("newest"), MOST_LIKED("likes");

    private final String wireName;

    FavouriteSort(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public static FavouriteSort parse(String value) {
        if (value == null || value.isBlank()) return NEWEST;
        for (FavouriteSort sort : values()) if (sort.wireName.equalsIgnoreCase(value.trim())) return sort;
        throw InvalidInput.field("sort", Validation.ONE_OF, "newest, likes");
    }
}
