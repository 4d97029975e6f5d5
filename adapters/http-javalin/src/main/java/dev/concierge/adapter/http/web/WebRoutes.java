package dev.concierge.adapter.http.web;

import dev.concierge.adapter.http.EdgeTexts;
import dev.concierge.adapter.http.ErrorMapping;
import dev.concierge.adapter.http.RequestIds;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.domain.kernel.Language;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Map;
import java.util.Optional;

/** The home page linking the three applications, and error pages for non-API paths. */
public final class WebRoutes implements RouteGroup, ErrorMapping.ErrorPages {
    private final PageRenderer renderer;
    private final CurrentUser currentUser;

    public WebRoutes(PageRenderer renderer, CurrentUser currentUser) {
        this.renderer = renderer;
        this.currentUser = currentUser;
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/", ctx -> renderer.render(ctx, "home.jte", Map.of("page", page(ctx, "home.title", "home"))));
    }

    @Override public void render(Context ctx, int status, String message) {
        Page page = renderer.page(ctx, "error.title", "error", null);
        // The page explains in the reader's language what to do; the server's own message (English) follows as a
        // detail where it says more, e.g. which trip does not exist, or the request id of a failure.
        String explanation = page.t(switch (status) {
            case 400 -> "error.detail.badAddress";
            case 404, 405 -> "error.detail.notFound";
            default -> "error.detail.other";
        });
        // The edge's own 404 and 405 sentences speak to API clients (they point at the API document): the page says it.
        String detail = message == null || message.equals(EdgeTexts.text(page.language(), "edge.notFound"))
                || message.equals(EdgeTexts.text(page.language(), "edge.methodNotAllowed")) ? "" : message;
        // A detail the bundles did not word (the server's English) is no help on a Japanese page; the request id is.
        if (page.language() == Language.JA && Language.detect(detail) != Language.JA) {
            detail = status >= 500 ? page.t("error.requestId", RequestIds.of(ctx)) : "";
        }
        renderer.render(ctx, "error.jte", Map.of("page", page, "status", status, "message", explanation, "detail", detail));
    }

    @Override public Optional<String> text(Context ctx, String key) {
        String text = Messages.of(LanguageChoice.of(ctx)).t(key);
        return text.equals(key) ? Optional.empty() : Optional.of(text); // t() answers a missing key with the key itself
    }

    private Page page(Context ctx, String titleKey, String section) {
        return renderer.page(ctx, titleKey, section, currentUser.of(ctx).value());
    }
}
