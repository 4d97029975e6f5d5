package dev.concierge.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the files under a classpath folder (CSS, JS, images) from memory. Replaces Javalin's classpath static files,
 * which mount the whole fat jar as a zip file system at start-up: reading its directory of tens of thousands of
 * entries was about a sixth of start-up time.
 */
final class ClasspathAssets implements Handler {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._/-]{0,200}");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "woff2", "font/woff2", "json", "application/json",
            "webmanifest", "application/manifest+json", "txt", "text/plain; charset=utf-8");

    private final String folder;
    private final String cacheControl;
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    ClasspathAssets(String folder, String cacheControl) {
        this.folder = folder;
        this.cacheControl = cacheControl;
    }

    @Override public void handle(Context ctx) {
        String path = ctx.pathParam("path");
        Optional<byte[]> file = SAFE.matcher(path).matches() && !path.contains("..")
                ? files.computeIfAbsent(path, this::read) : Optional.empty();
        if (file.isEmpty()) throw new io.javalin.http.NotFoundResponse();
        ctx.header("Cache-Control", cacheControl);
        ctx.contentType(type(path));
        ctx.result(file.get());
    }

    private Optional<byte[]> read(String path) {
        try (InputStream in = ClasspathAssets.class.getResourceAsStream(folder + "/" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
