package dev.concierge.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secret references are resolved before settings are read (the adapter's own tests cover Secrets Manager itself). */
class SettingsSourceTest {
    @Test void plain_settings_are_read_as_they_are() {
        Settings settings = SettingsSource.load(Map.of("PORT", "9090", "DATABASE_PASSWORD", "plain"));

        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.databasePassword()).contains("plain");
    }

    @Test void a_malformed_reference_stops_start_up_like_a_bad_setting_naming_it() {
        assertThatThrownBy(() -> SettingsSource.load(Map.of("DATABASE_PASSWORD", "secretsmanager:concierge/prod/database#")))
                .isInstanceOf(Settings.InvalidSettings.class)
                .hasMessageContaining("Concierge cannot start")
                .hasMessageContaining("DATABASE_PASSWORD: the Secrets Manager reference");
    }
}
