package dev.concierge.adapter.http.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Renders precompiled JTE templates (type-checked at build time, HTML auto-escaped). */
public final class PageRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final List<NavigationEntry> applications;

    public PageRenderer(Collection<NavigationEntry> applications) {
        this.applications = applications.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    public void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, params, output);
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }

    public Page page(Context ctx, String titleKey, String section, String userName) {
        Messages messages = Messages.of(LanguageChoice.of(ctx));
        String path = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString().replaceAll("(^|&)lang=[^&]*", ""))
                .replaceAll("\\?&", "?").replaceAll("\\?$", "");
        return new Page(messages.t(titleKey), section, path, messages, userName, applications);
    }
}
