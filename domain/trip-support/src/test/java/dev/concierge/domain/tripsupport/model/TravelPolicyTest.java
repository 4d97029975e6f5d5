package dev.concierge.domain.tripsupport.model;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TravelPolicyTest {
    static Properties valid() {
        Properties p = new Properties();
        p.setProperty("currency", "JPY");
        p.setProperty("default.city.class", "B");
        p.setProperty("city.class.A", "Osaka, 大阪");
        p.setProperty("per.diem.A", "3000");
        p.setProperty("per.diem.B", "2500");
        p.setProperty("lodging.cap.A", "14000");
        p.setProperty("lodging.cap.B", "11000");
        p.setProperty("transport.allowed", "economy-air, shinkansen-ordinary");
        p.setProperty("approval.threshold", "150000");
        return p;
    }

    static Properties with(String key, String value) {
        Properties p = valid();
        if (value == null) p.remove(key);
        else p.setProperty(key, value);
        return p;
    }

    @Test void the_domestic_japan_default_knows_major_cities_in_english_and_japanese() {
        TravelPolicy policy = TravelPolicy.domesticJapan();

        assertThat(policy.currency()).isEqualTo("JPY");
        assertThat(policy.classOf("Tokyo")).isEqualTo("A");
        assertThat(policy.classOf("東京")).isEqualTo("A");
        assertThat(policy.classOf("  osaka ")).isEqualTo("A");
        assertThat(policy.classOf("Matsue")).isEqualTo("B");
        assertThat(policy.perDiemFor("Tokyo")).isEqualTo(3_000);
        assertThat(policy.perDiemFor("Matsue")).isEqualTo(2_500);
        assertThat(policy.lodgingCapFor("札幌")).isEqualTo(14_000);
        assertThat(policy.lodgingCapFor("Matsue")).isEqualTo(11_000);
        assertThat(policy.allows(TransportClass.SHINKANSEN_ORDINARY)).isTrue();
        assertThat(policy.allows(TransportClass.SHINKANSEN_GREEN)).isFalse();
        assertThat(policy.allows(TransportClass.BUSINESS_AIR)).isFalse();
        assertThat(policy.approvalThreshold()).isEqualTo(150_000);
    }

    @Test void a_valid_file_parses_with_cities_trimmed_and_matched_regardless_of_case() {
        TravelPolicy policy = TravelPolicy.parse(valid());

        assertThat(policy.classOf("OSAKA")).isEqualTo("A");
        assertThat(policy.classOf("大阪")).isEqualTo("A");
        assertThat(policy.allowedTransport()).containsExactlyInAnyOrder(TransportClass.ECONOMY_AIR, TransportClass.SHINKANSEN_ORDINARY);
    }

    @Test void a_misspelt_key_is_refused_rather_than_ignored() {
        assertThatThrownBy(() -> TravelPolicy.parse(with("approval.treshold", "1")))
                .isInstanceOf(TravelPolicy.InvalidPolicy.class).hasMessageContaining("unknown key 'approval.treshold'");
    }

    @Test void a_city_class_without_its_amounts_is_refused_naming_the_missing_keys() {
        assertThatThrownBy(() -> TravelPolicy.parse(with("city.class.S", "Tokyo")))
                .hasMessageContaining("city class S needs per.diem.S").hasMessageContaining("city class S needs lodging.cap.S");
    }

    @Test void the_default_class_needs_its_amounts_too() {
        assertThatThrownBy(() -> TravelPolicy.parse(with("default.city.class", "C"))).hasMessageContaining("city class C needs per.diem.C");
    }

    @Test void amounts_must_be_whole_and_not_negative() {
        assertThatThrownBy(() -> TravelPolicy.parse(with("per.diem.A", "3,000"))).hasMessageContaining("per.diem.A: must be a whole amount");
        assertThatThrownBy(() -> TravelPolicy.parse(with("lodging.cap.B", "-1"))).hasMessageContaining("lodging.cap.B: must be a whole amount");
        assertThatThrownBy(() -> TravelPolicy.parse(with("approval.threshold", "lots"))).hasMessageContaining("approval.threshold: must be a whole amount");
    }

    @Test void an_unknown_transport_class_is_refused_listing_the_known_ones() {
        assertThatThrownBy(() -> TravelPolicy.parse(with("transport.allowed", "bus,helicopter")))
                .hasMessageContaining("unknown transport class 'helicopter'").hasMessageContaining("shinkansen-green");
    }

    @Test void a_policy_allowing_no_transport_is_refused() {
        assertThatThrownBy(() -> TravelPolicy.parse(with("transport.allowed", " "))).hasMessageContaining("transport.allowed must name at least one");
    }

    @Test void a_city_listed_in_two_classes_is_refused() {
        Properties p = with("city.class.B", "Osaka");

        assertThatThrownBy(() -> TravelPolicy.parse(p)).hasMessageContaining("Osaka is already in class");
    }

    @Test void the_default_class_and_the_approval_threshold_are_required() {
        assertThatThrownBy(() -> TravelPolicy.parse(with("default.city.class", null))).hasMessageContaining("default.city.class is required");
        assertThatThrownBy(() -> TravelPolicy.parse(with("approval.threshold", null))).hasMessageContaining("approval.threshold is required");
    }

    @Test void the_currency_must_be_an_iso_code() {
        assertThat(TravelPolicy.parse(with("currency", "usd")).currency()).isEqualTo("USD");
        assertThatThrownBy(() -> TravelPolicy.parse(with("currency", "Yen!"))).hasMessageContaining("three-letter ISO code");
    }

    @Test void every_problem_is_reported_at_once() {
        Properties p = with("per.diem.A", "x");
        p.setProperty("typo", "1");

        assertThatThrownBy(() -> TravelPolicy.parse(p)).isInstanceOfSatisfying(TravelPolicy.InvalidPolicy.class,
                e -> assertThat(e.problems()).hasSize(2));
    }
}
