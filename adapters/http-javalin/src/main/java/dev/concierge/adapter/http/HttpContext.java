package dev.concierge.adapter.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * One bounded context's part of the HTTP adapter, found on the class path so that shared HTTP code (layout, messages,
 * API description) names no context. A context declares it with one line, its implementing class (public, with a
 * no-argument constructor), in {@code META-INF/services/dev.concierge.adapter.http.HttpContext}, and keeps its files
 * in folders named after {@link #name()}:
 * <ul>
 *     <li>{@code i18n/<name>/messages_en.properties} and {@code messages_ja.properties} ({@link #bundleBaseName()}):
 *     merged with the shared {@code i18n/messages_*} by {@code web.Messages}; a key defined twice fails at start, so
 *     keys start with the context's own prefix;</li>
 *     <li>{@code openapi/<name>.json} ({@link #openApiResource()}): its {@code paths} and {@code components}, merged
 *     into {@code /api/openapi.json} with the shared {@code openapi/base.json};</li>
 *     <li>{@code public/assets/<name>/}: its scripts and styles, served as {@code /assets/<name>/...} and linked from
 *     its own page templates in {@code jte/<name>/} (the shared layout links only {@code /assets/app.css});</li>
 *     <li>{@code dev.concierge.adapter.http.<name>}: its routes, pages and the Guice module that binds them as
 *     {@link RouteGroup}s and navigation entries. The context's bootstrap entry installs that module, because it holds
 *     the settings the routes need and the use cases they call.</li>
 * </ul>
 */
public interface HttpContext {
    /** The context's folder and package name, lower case letters only, e.g. {@code orderdesk}. */
    String name();

    /** Base name of its message bundle, by convention {@code i18n.<name>.messages}. */
    default String bundleBaseName() { return "i18n." + name() + ".messages"; }

    /** Class-path resource of its OpenAPI fragment, by convention {@code /openapi/<name>.json}. */
    default String openApiResource() { return "/openapi/" + name() + ".json"; }

    /** Every context on the class path, ordered by name; two with one name is a start-up error. */
    static List<HttpContext> all() {
        List<HttpContext> found = new ArrayList<>();
        ServiceLoader.load(HttpContext.class, HttpContext.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(HttpContext::name));
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).name().equals(found.get(i - 1).name())) {
                throw new IllegalStateException("two HTTP contexts are named '" + found.get(i).name() + "': "
                        + found.get(i - 1).getClass().getName() + " and " + found.get(i).getClass().getName());
            }
        }
        return List.copyOf(found);
    }
}
