package dev.concierge.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading resources out of a synthesised template, for assertions the CDK's matchers cannot express. */
final class TemplateResources {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateResources() {}

    /** The properties of every resource of {@code type}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> propertiesOfAll(Template template, String type) {
        return template.findResources(type).values().stream()
                .map(resource -> (Map<String, Object>) resource.getOrDefault("Properties", Map.of()))
                .toList();
    }

    /** The properties of the one resource of {@code type}; fails when there is not exactly one. */
    static Map<String, Object> propertiesOfOnly(Template template, String type) {
        List<Map<String, Object>> all = propertiesOfAll(template, type);
        assertThat(all).as("resources of type %s", type).hasSize(1);
        return all.get(0);
    }

    /** A value as JSON text: intrinsic functions (Ref, Fn::ImportValue, …) become searchable text. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
