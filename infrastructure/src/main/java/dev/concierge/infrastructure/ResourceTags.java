package dev.concierge.infrastructure;

import software.amazon.awscdk.Tags;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tags on every resource of the app, from the context key {@code tags} ({@code key=value,key=value}): seed 000 tags
 * everything with the owner and a keep-flag (e.g. {@code tags=please_keep_it=true,user=taro.yamada}) so account
 * clean-ups spare it and costs find their owner. {@code application} and {@code environment} are always set.
 */
final class ResourceTags {
    private ResourceTags() {}

    static Map<String, String> parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return tags;
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) throw new IllegalArgumentException("CDK context tags is key=value,key=value; got '" + pair.strip() + "'");
            tags.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return tags;
    }

    static void apply(Construct app, DeploymentProfile profile) {
        Object text = app.getNode().tryGetContext("tags");
        parse(text == null ? null : text.toString()).forEach((key, value) -> Tags.of(app).add(key, value));
        Tags.of(app).add("application", "concierge");
        Tags.of(app).add("environment", profile.name());
    }
}
