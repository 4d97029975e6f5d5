package dev.concierge.adapter.http.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * What a browser does in the sign-in: keeps cookies, follows the redirects between the app and the identity provider
 * one by one (so a test sees each hop), and sends requests as a page would.
 */
public final class OidcBrowser {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens {@code url} and follows redirects until a page answers; returns that last answer. */
    public HttpResponse<String> open(String url) {
        HttpResponse<String> answer = get(url);
        for (int hops = 0; hops < 10 && answer.statusCode() / 100 == 3; hops++) {
            answer = get(answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()).toString());
        }
        return answer;
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public void setCookie(URI site, String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(site, cookie);
    }
}
