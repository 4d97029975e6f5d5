package dev.concierge.adapter.file.tripsupport;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Traveller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertiesFileTravellersTest {
    @TempDir Path dir;

    @Test void without_a_file_everyone_has_the_default_grade_and_no_manager() {
        assertThat(PropertiesFileTravellers.load(Optional.empty()).find(new UserId("alice"))).isEqualTo(Traveller.unknown(new UserId("alice")));
    }

    @Test void the_documented_example_names_grades_managers_and_addresses() {
        var travellers = PropertiesFileTravellers.load(Optional.of(Path.of("../../docs/travellers.example.properties")));

        Traveller alice = travellers.find(new UserId("alice@example.com"));
        assertThat(alice.grade()).isEqualTo("staff");
        assertThat(alice.manager()).contains(new UserId("bob@example.com"));
        assertThat(alice.email()).contains("alice@example.com");
        assertThat(travellers.find(new UserId("bob@example.com")).grade()).isEqualTo("manager");
    }

    @Test void a_wrong_file_is_refused_naming_the_file_and_every_problem() throws IOException {
        Path file = dir.resolve("travellers.properties");
        Files.writeString(file, """
                alice = grade: staff; manager: alice
                bob = grade: boss man; email: nowhere; colour: blue
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PropertiesFileTravellers.load(Optional.of(file)))
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("TRAVELLERS_FILE")
                .hasMessageContaining("alice: manager must name someone else")
                .hasMessageContaining("bob: grade").hasMessageContaining("bob: email 'nowhere'").hasMessageContaining("unknown field 'colour'");
    }
}
