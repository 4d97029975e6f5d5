package dev.concierge.adapter.http.web;

import dev.concierge.adapter.http.HttpContext;
import dev.concierge.domain.kernel.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTest {

    @Test void every_context_on_the_class_path_adds_its_own_bundle_to_the_shared_one() {
        assertThat(HttpContext.all()).isNotEmpty();
        for (HttpContext context : HttpContext.all()) {
            String someKey = keys(context.bundleBaseName(), Language.EN).iterator().next();
            assertThat(Messages.of(Language.EN).t(someKey)).as(someKey).isNotEqualTo(someKey);
        }
        assertThat(Messages.of(Language.JA).t("nav.label")).isNotEqualTo("nav.label");
    }

    @Test void every_bundle_has_the_same_keys_in_japanese_and_english() {
        List<String> baseNames = new ArrayList<>(List.of(Messages.SHARED));
        HttpContext.all().forEach(context -> baseNames.add(context.bundleBaseName()));
        for (String baseName : baseNames) {
            assertThat(keys(baseName, Language.JA)).as(baseName).isEqualTo(keys(baseName, Language.EN));
        }
    }

    @Test void a_key_defined_by_a_context_and_the_shared_bundle_fails_at_start_naming_both() {
        HttpContext clashing = () -> "clashing";

        assertThatThrownBy(() -> Messages.merged(Language.EN, List.of(clashing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'nav.label'").hasMessageContaining("i18n.messages").hasMessageContaining("i18n.clashing.messages");
    }

    @Test void a_context_without_a_bundle_fails_at_start_naming_the_missing_file() {
        HttpContext silent = () -> "silent";

        assertThatThrownBy(() -> Messages.merged(Language.JA, List.of(silent)))
                .hasMessageContaining("i18n/silent/messages_ja.properties");
    }

    private static Set<String> keys(String baseName, Language language) {
        return new TreeSet<>(ResourceBundle.getBundle(baseName, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).keySet());
    }
}
