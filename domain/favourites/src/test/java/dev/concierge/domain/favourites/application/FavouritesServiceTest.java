package dev.concierge.domain.favourites.application;

import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.favourites.model.FavouriteNotFound;
import dev.concierge.domain.favourites.model.FavouriteQuery;
import dev.concierge.domain.favourites.model.FavouriteSort;
import dev.concierge.domain.favourites.model.FavouriteType;
import dev.concierge.domain.favourites.model.NewFavourite;
import dev.concierge.domain.favourites.model.SavedFavourite;
import dev.concierge.domain.favourites.port.in.LikeFavouriteCommand;
import dev.concierge.domain.favourites.port.in.SaveFavouriteCommand;
import dev.concierge.domain.kernel.NotFound;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FavouritesServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T09:00:00Z"), ZoneOffset.UTC);
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");

    private final FavouritesService service = new FavouritesService(new InMemoryFavouriteRepository(CLOCK));

    private static NewFavourite quote(String content) {
        return new NewFavourite(FavouriteType.QUOTE, content, "Someone");
    }

    private Favourite saved(UserId owner, String content) {
        return service.save(new SaveFavouriteCommand(owner, quote(content))).favourite();
    }

    private static LikeFavouriteCommand by(UserId user, Favourite favourite) {
        return new LikeFavouriteCommand(user, favourite.id());
    }

    @Test
    void saving_new_content_creates_a_favourite_owned_by_the_saver() {
        SavedFavourite saved = service.save(new SaveFavouriteCommand(ALICE, quote("Stay hungry.")));

        assertThat(saved.created()).isTrue();
        assertThat(saved.favourite().owner()).isEqualTo(ALICE);
        assertThat(saved.favourite().content()).isEqualTo("Stay hungry.");
        assertThat(saved.favourite().likes()).isZero();
    }

    @Test
    void saving_the_same_content_twice_returns_the_existing_favourite() {
        Favourite first = saved(ALICE, "Stay hungry.");

        SavedFavourite second = service.save(new SaveFavouriteCommand(ALICE, quote("Stay hungry.")));

        assertThat(second.created()).isFalse();
        assertThat(second.favourite().id()).isEqualTo(first.id());
    }

    @Test
    void content_differing_only_in_surrounding_spaces_counts_as_the_same() {
        Favourite first = saved(ALICE, "Stay hungry.");

        SavedFavourite second = service.save(new SaveFavouriteCommand(ALICE, quote("  Stay hungry.\n")));

        assertThat(second.created()).isFalse();
        assertThat(second.favourite().id()).isEqualTo(first.id());
    }

    @Test
    void the_same_content_as_a_horoscope_is_a_separate_favourite() {
        Favourite asQuote = saved(ALICE, "Stay hungry.");

        SavedFavourite asHoroscope = service.save(
                new SaveFavouriteCommand(ALICE, new NewFavourite(FavouriteType.HOROSCOPE, "Stay hungry.", null)));

        assertThat(asHoroscope.created()).isTrue();
        assertThat(asHoroscope.favourite().id()).isNotEqualTo(asQuote.id());
    }

    @Test
    void the_same_content_saved_by_another_user_is_their_own_favourite() {
        Favourite alices = saved(ALICE, "Stay hungry.");

        SavedFavourite bobs = service.save(new SaveFavouriteCommand(BOB, quote("Stay hungry.")));

        assertThat(bobs.created()).isTrue();
        assertThat(bobs.favourite().id()).isNotEqualTo(alices.id());
        assertThat(bobs.favourite().owner()).isEqualTo(BOB);
    }

    @Test
    void the_owner_gets_their_favourite_back() {
        Favourite saved = saved(ALICE, "Stay hungry.");

        assertThat(service.get(ALICE, saved.id())).isEqualTo(saved);
    }

    @Test
    void an_id_that_was_never_saved_is_not_found() {
        FavouriteId unknown = new FavouriteId(999);

        assertThatThrownBy(() -> service.get(ALICE, unknown))
                .isInstanceOf(FavouriteNotFound.class)
                .hasMessageContaining(unknown.toString());
    }

    @Test
    void another_user_s_favourite_is_not_found() {
        Favourite alices = saved(ALICE, "Stay hungry.");

        assertThatThrownBy(() -> service.get(BOB, alices.id())).isInstanceOf(FavouriteNotFound.class);
    }

    @Test
    void another_user_s_favourite_cannot_be_liked() {
        Favourite alices = saved(ALICE, "Stay hungry.");

        assertThatThrownBy(() -> service.like(by(BOB, alices))).isInstanceOf(FavouriteNotFound.class);
        assertThat(service.get(ALICE, alices.id()).likes()).isZero();
    }

    @Test
    void another_user_s_favourite_cannot_be_unliked() {
        Favourite alices = saved(ALICE, "Stay hungry.");
        service.like(by(ALICE, alices));

        assertThatThrownBy(() -> service.unlike(by(BOB, alices))).isInstanceOf(FavouriteNotFound.class);
        assertThat(service.get(ALICE, alices.id()).likes()).isEqualTo(1);
    }

    @Test
    void another_user_s_favourite_cannot_be_deleted() {
        Favourite alices = saved(ALICE, "Stay hungry.");

        assertThatThrownBy(() -> service.delete(BOB, alices.id())).isInstanceOf(FavouriteNotFound.class);
        assertThat(service.get(ALICE, alices.id())).isEqualTo(alices);
    }

    @Test
    void a_like_is_counted_and_marked_as_the_owner_s() {
        Favourite saved = saved(ALICE, "Stay hungry.");

        Favourite liked = service.like(by(ALICE, saved));

        assertThat(liked.likes()).isEqualTo(1);
        assertThat(liked.likedByOwner()).isTrue();
    }

    @Test
    void a_second_like_by_the_same_user_does_not_count_twice() {
        Favourite saved = saved(ALICE, "Stay hungry.");
        service.like(by(ALICE, saved));

        Favourite likedAgain = service.like(by(ALICE, saved));

        assertThat(likedAgain.likes()).isEqualTo(1);
    }

    @Test
    void unliking_after_liking_leaves_no_likes() {
        Favourite saved = saved(ALICE, "Stay hungry.");
        service.like(by(ALICE, saved));

        Favourite unliked = service.unlike(by(ALICE, saved));

        assertThat(unliked.likes()).isZero();
        assertThat(unliked.likedByOwner()).isFalse();
    }

    @Test
    void unliking_what_was_never_liked_changes_nothing() {
        Favourite saved = saved(ALICE, "Stay hungry.");

        assertThat(service.unlike(by(ALICE, saved)).likes()).isZero();
    }

    @Test
    void a_deleted_favourite_is_no_longer_found() {
        Favourite saved = saved(ALICE, "Stay hungry.");

        service.delete(ALICE, saved.id());

        assertThatThrownBy(() -> service.get(ALICE, saved.id())).isInstanceOf(FavouriteNotFound.class);
    }

    @Test
    void deleting_a_favourite_twice_reports_the_second_as_not_found() {
        Favourite saved = saved(ALICE, "Stay hungry.");
        service.delete(ALICE, saved.id());

        assertThatThrownBy(() -> service.delete(ALICE, saved.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void a_user_lists_only_their_own_favourites() {
        Favourite alices = saved(ALICE, "Stay hungry.");
        saved(BOB, "Stay foolish.");

        var page = service.list(new FavouriteQuery(ALICE, Optional.empty(), FavouriteSort.NEWEST, PageRequest.first()));

        assertThat(page.items()).containsExactly(alices);
        assertThat(page.total()).isEqualTo(1);
    }
}
