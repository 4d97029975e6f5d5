package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteNotFound;
import dev.concierge.domain.testcasegeneration.port.in.CreateSuiteCommand;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuitesServiceTest {
    private static final Actor QA_ALICE = new Actor(new UserId("alice"), Set.of("qa", "mobile"));
    private static final Actor WEB_BOB = new Actor(new UserId("bob"), Set.of("web"));

    private final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock();
    private final SuitesService suites = new SuitesService(new InMemoryPorts.Suites(), new InMemoryPorts.TestCases(), clock);

    private Suite create(Actor actor, String name, Optional<String> team) {
        return suites.create(new CreateSuiteCommand(actor, new NewSuite(name, ""), team));
    }

    @Test void a_suite_belongs_to_the_team_chosen_and_records_its_creator() {
        Suite suite = create(QA_ALICE, "Login", Optional.of("mobile"));

        assertThat(suite.team()).isEqualTo("mobile");
        assertThat(suite.createdBy()).isEqualTo(new UserId("alice"));
        assertThat(suite.createdAt()).isEqualTo(clock.instant());
    }

    @Test void without_a_team_the_suite_goes_to_the_first_of_the_persons_teams() {
        assertThat(create(QA_ALICE, "Login", Optional.empty()).team()).isEqualTo("mobile");
    }

    @Test void a_suite_cannot_be_given_to_a_team_the_person_is_not_in() {
        assertThatThrownBy(() -> create(QA_ALICE, "Login", Optional.of("web")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("team");
    }

    @Test void a_person_in_no_team_is_told_to_join_one() {
        Actor loner = new Actor(new UserId("carol"), Set.of());

        assertThatThrownBy(() -> create(loner, "Login", Optional.empty()))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.code()).isEqualTo("no_team"));
    }

    @Test void another_teams_suite_is_not_found_rather_than_forbidden() {
        Suite suite = create(QA_ALICE, "Login", Optional.of("qa"));

        assertThatThrownBy(() -> suites.get(WEB_BOB, suite.id())).isInstanceOf(SuiteNotFound.class);
        assertThat(suites.get(QA_ALICE, suite.id())).isEqualTo(suite);
    }

    @Test void a_person_lists_the_suites_of_their_teams_only() {
        create(QA_ALICE, "Login", Optional.of("qa"));
        create(WEB_BOB, "Checkout", Optional.of("web"));

        assertThat(suites.list(QA_ALICE, PageRequest.first()).items()).extracting(Suite::name).containsExactly("Login");
        assertThat(suites.list(WEB_BOB, PageRequest.first()).items()).extracting(Suite::name).containsExactly("Checkout");
    }

    @Test void a_suite_can_be_renamed_and_deleted_by_its_team_only() {
        Suite suite = create(QA_ALICE, "Login", Optional.of("qa"));

        assertThatThrownBy(() -> suites.rename(WEB_BOB, suite.id(), new NewSuite("Mine", ""))).isInstanceOf(SuiteNotFound.class);
        Suite renamed = suites.rename(QA_ALICE, suite.id(), new NewSuite("Sign-in", "The login flows"));
        assertThat(renamed.name()).isEqualTo("Sign-in");
        assertThat(renamed.team()).isEqualTo("qa");

        assertThatThrownBy(() -> suites.delete(WEB_BOB, suite.id())).isInstanceOf(SuiteNotFound.class);
        suites.delete(QA_ALICE, suite.id());
        assertThatThrownBy(() -> suites.get(QA_ALICE, suite.id())).isInstanceOf(SuiteNotFound.class);
    }
}
