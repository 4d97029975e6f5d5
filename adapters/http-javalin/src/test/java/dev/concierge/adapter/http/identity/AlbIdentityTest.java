package dev.concierge.adapter.http.identity;

import dev.concierge.domain.kernel.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load balancer's identity header, verified against a key endpoint served by the test. */
class AlbIdentityTest {
    private static AlbTokens alb;
    private static AlbIdentity identity;

    @BeforeAll static void start() {
        alb = new AlbTokens();
        identity = new AlbIdentity(new AlbIdentity.Config(AlbTokens.SIGNER, alb.keyUrl(), "groups"), Clock.systemUTC());
    }

    @AfterAll static void stop() { alb.close(); }

    @Test void a_valid_token_names_the_user_and_their_groups() {
        Actor actor = identity.verify(alb.token("alice", List.of("qa", "sales")));

        assertThat(actor.user().value()).isEqualTo("alice");
        assertThat(actor.groups()).containsExactlyInAnyOrder("qa", "sales");
    }

    @Test void the_key_is_fetched_once_and_then_cached() {
        identity.verify(alb.token("carol", List.of()));
        int fetched = alb.fetches();

        identity.verify(alb.token("dave", List.of()));
        identity.verify(alb.token("erin", List.of()));

        assertThat(alb.fetches()).isEqualTo(fetched);
    }

    @Test void groups_may_come_as_one_comma_separated_string_in_another_claim() {
        var teams = new AlbIdentity(new AlbIdentity.Config(AlbTokens.SIGNER, alb.keyUrl(), "email"), Clock.systemUTC());

        assertThat(teams.verify(alb.token("bob", List.of())).groups()).containsExactly("bob@example.com");
    }

    @Test void an_expired_token_is_refused() {
        assertThatThrownBy(() -> identity.verify(alb.expired("alice"))).isInstanceOf(Unauthenticated.class).hasMessageContaining("expired");
    }

    @Test void a_token_from_another_load_balancer_is_refused() {
        assertThatThrownBy(() -> identity.verify(alb.signedBy(AlbTokens.SIGNER.replace("concierge", "other"), "alice")))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("another load balancer");
    }

    @Test void a_token_naming_an_unknown_key_is_refused() {
        assertThatThrownBy(() -> identity.verify(alb.withUnknownKeyId("alice")))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("key is unknown");
    }

    @Test void a_token_signed_with_another_key_is_refused() {
        assertThatThrownBy(() -> identity.verify(alb.signedWithAnotherKey("alice")))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("signature");
    }

    @Test void a_token_whose_claims_were_changed_is_refused() {
        assertThatThrownBy(() -> identity.verify(alb.tampered("alice", "mallory")))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("signature");
    }

    @Test void a_missing_or_garbled_token_is_refused() {
        assertThatThrownBy(() -> identity.verify(null)).isInstanceOf(Unauthenticated.class).hasMessageContaining("no identity");
        assertThatThrownBy(() -> identity.verify("")).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> identity.verify("not.a.jwt")).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> identity.verify("x".repeat(20_000))).isInstanceOf(Unauthenticated.class);
    }

    @Test void an_unsigned_token_is_refused() {
        String[] parts = alb.token("alice", List.of()).split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());

        assertThatThrownBy(() -> identity.verify(none + "." + parts[1] + ".")).isInstanceOf(Unauthenticated.class);
    }
}
