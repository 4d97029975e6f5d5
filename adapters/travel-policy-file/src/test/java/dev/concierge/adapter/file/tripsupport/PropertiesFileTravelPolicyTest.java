package dev.concierge.adapter.file.tripsupport;

import dev.concierge.domain.tripsupport.model.TransportClass;
import dev.concierge.domain.tripsupport.model.TravelPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertiesFileTravelPolicyTest {
    @TempDir Path dir;

    @Test void without_a_file_the_built_in_domestic_japan_policy_applies() {
        assertThat(PropertiesFileTravelPolicy.load(Optional.empty()).policy()).isEqualTo(TravelPolicy.domesticJapan());
        assertThat(PropertiesFileTravelPolicy.load(Optional.empty()).book().editions()).containsExactly(TravelPolicy.domesticJapan());
    }

    @Test void the_documented_example_file_loads_every_edition_with_its_japanese_city_names_and_grades() {
        var source = PropertiesFileTravelPolicy.load(Optional.of(Path.of("../../docs/travel-policy.example.properties")));
        var book = source.book();

        assertThat(book.editions()).extracting(TravelPolicy::effectiveFrom)
                .containsExactly(TravelPolicy.SINCE_EVER, java.time.LocalDate.of(2025, 4, 1), java.time.LocalDate.of(2026, 4, 1));
        TravelPolicy before = book.effectiveOn(java.time.LocalDate.of(2025, 3, 31));
        assertThat(before.currency()).isEqualTo("JPY");
        assertThat(before.classOf("東京")).isEqualTo("S");
        assertThat(before.perDiemFor("tokyo")).isEqualTo(3_500);
        assertThat(before.perDiemFor("manager", "tokyo")).isEqualTo(4_000);
        assertThat(before.lodgingCapFor("大阪")).isEqualTo(14_000);
        assertThat(before.lodgingCapFor("Matsue")).isEqualTo(11_000);
        assertThat(before.lodgingAllowanceFor("staff")).isZero();
        assertThat(before.allows(TransportClass.SHINKANSEN_GREEN)).isFalse();
        assertThat(before.approvalThreshold()).isEqualTo(150_000);
        TravelPolicy from2025 = book.effectiveOn(java.time.LocalDate.of(2025, 4, 1));
        assertThat(from2025.lodgingCapFor("東京都")).isEqualTo(19_000);
        assertThat(from2025.lodgingCapFor("executive", "東京都")).isEqualTo(28_000);
        assertThat(from2025.lodgingAllowanceFor("staff")).isEqualTo(2_400);
        assertThat(from2025.minTripDistanceKm()).isEqualTo(50);
        TravelPolicy latest = source.policy();
        assertThat(latest).isEqualTo(book.latest());
        assertThat(latest.lodgingCapFor("東京")).isEqualTo(21_000);
        assertThat(latest.classOf("京都")).isEqualTo("K");
        assertThat(latest.lodgingCapFor("京都府")).isEqualTo(20_000);
        assertThat(latest.lodgingCapFor("manager", "Osaka")).isEqualTo(18_000);
        assertThat(latest.classOf("ニューヨーク")).isEqualTo("F");
        assertThat(book.rates().on("USD", java.time.LocalDate.of(2026, 5, 1)))
                .hasValueSatisfying(rate -> assertThat(rate.perUnit()).isEqualByComparingTo("151.20"));
        assertThat(book.rates().on("USD", java.time.LocalDate.of(2025, 3, 1))).isEmpty();
    }

    @Test void a_malformed_file_is_refused_naming_the_file_and_every_problem() throws IOException {
        Path file = write("""
                currency=JPY
                default.city.class=B
                city.class.A=Osaka
                per.diem.A=lots
                per.diem.B=2500
                lodging.cap.B=11000
                transport.allowed=economy-air,rocket
                approval.treshold=150000
                """);

        assertThatThrownBy(() -> PropertiesFileTravelPolicy.load(Optional.of(file)))
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("TRAVEL_POLICY_FILE")
                .hasMessageContaining("per.diem.A: must be a whole amount")
                .hasMessageContaining("unknown transport class 'rocket'")
                .hasMessageContaining("unknown key 'approval.treshold'")
                .hasMessageContaining("approval.threshold is required");
    }

    @Test void a_class_without_its_lodging_cap_is_refused() throws IOException {
        Path file = write("""
                default.city.class=B
                city.class.A=Osaka
                per.diem.A=3000
                per.diem.B=2500
                lodging.cap.B=11000
                transport.allowed=bus
                approval.threshold=100000
                """);

        assertThatThrownBy(() -> PropertiesFileTravelPolicy.load(Optional.of(file))).hasMessageContaining("city class A needs lodging.cap.A");
    }

    @Test void a_missing_file_is_refused_naming_it() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> PropertiesFileTravelPolicy.load(Optional.of(missing)))
                .hasMessageContaining(missing.toAbsolutePath().toString()).hasMessageContaining("cannot be read");
    }

    @Test void a_file_that_is_not_utf8_is_refused() throws IOException {
        Path file = dir.resolve("latin1.properties");
        Files.write(file, "city.class.A=K\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> PropertiesFileTravelPolicy.load(Optional.of(file))).hasMessageContaining("not UTF-8");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("policy.properties");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
