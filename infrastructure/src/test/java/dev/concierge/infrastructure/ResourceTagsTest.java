package dev.concierge.infrastructure;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

import java.util.List;
import java.util.Map;

import static dev.concierge.infrastructure.TemplateResources.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed 000: every resource carries the tags the deployer gives in the context key {@code tags}. */
class ResourceTagsTest {

    @Test void every_taggable_resource_of_every_stack_carries_the_context_tags() {
        int tagged = 0;
        for (Stack stack : SynthesisedEnvironments.prod().all()) {
            Map<String, Object> resources = map(map(SynthesisedEnvironments.template(stack).toJSON()).get("Resources"));
            for (Object resource : resources.values()) {
                Object tags = map(map(resource).getOrDefault("Properties", Map.of())).get("Tags");
                if (tags instanceof List<?> list) {
                    Map<Object, Object> byKey = new java.util.HashMap<>();
                    list.forEach(tag -> byKey.put(map(tag).get("Key"), map(tag).get("Value")));
                    assertThat(byKey).as("tags of %s in %s", map(resource).get("Type"), stack.getStackName())
                            .containsEntry("please_keep_it", "true").containsEntry("user", "taro.yamada")
                            .containsEntry("environment", "prod");
                    tagged++;
                }
            }
        }
        assertThat(tagged).isGreaterThan(20);
    }

    @Test void a_malformed_tag_list_is_refused_saying_the_format() {
        assertThat(ResourceTags.parse("a=1, b = 2")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThatThrownBy(() -> ResourceTags.parse("please_keep_it")).hasMessageContaining("key=value");
    }
}
