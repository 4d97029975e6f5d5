package dev.concierge.bootstrap;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @Test void with_no_environment_every_setting_has_its_documented_default() {
        Settings settings = Settings.from(Map.of());

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("./data"));
        assertThat(settings.embeddedDatabase()).isTrue();
        assertThat(settings.llm().ollamaBaseUrl()).hasToString("http://localhost:11434");
        assertThat(settings.localUser()).isEqualTo("local");
        assertThat(settings.logFormat()).isEqualTo(Settings.LogFormat.TEXT);
        assertThat(settings.shutdownDrain()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test void every_bad_value_is_reported_at_once_naming_its_variable() {
        assertThatThrownBy(() -> Settings.from(Map.of("PORT", "eighty", "LLM_PROVIDER", "claude", "LOG_FORMAT", "xml",
                "OLLAMA_BASE_URL", "localhost:11434", "APP_TIME_ZONE", "Mars/Olympus")))
                .isInstanceOf(Settings.InvalidSettings.class)
                .hasMessageContaining("PORT: must be a whole number")
                .hasMessageContaining("LLM_PROVIDER: must be one of [ollama, openai], got 'claude'")
                .hasMessageContaining("LOG_FORMAT")
                .hasMessageContaining("OLLAMA_BASE_URL")
                .hasMessageContaining("APP_TIME_ZONE");
    }

    @Test void openai_without_a_key_is_refused_with_what_to_set() {
        assertThatThrownBy(() -> Settings.from(Map.of("LLM_PROVIDER", "openai")))
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test void an_openai_compatible_server_needs_no_key() {
        Settings settings = Settings.from(Map.of("LLM_PROVIDER", "openai", "OPENAI_BASE_URL", "http://127.0.0.1:8000/v1"));

        assertThat(settings.llm().model()).isEqualTo("gpt-4o-mini");
    }

    @Test void the_readme_documents_every_setting_with_its_default() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (Settings.Setting setting : Settings.ALL) {
            String row = readme.lines().filter(line -> line.startsWith("| `" + setting.name() + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError("README's settings table lacks " + setting.name()));
            if (setting.defaultValue() != null) assertThat(row).as(setting.name()).contains("`" + setting.defaultValue() + "`");
        }
    }
}
