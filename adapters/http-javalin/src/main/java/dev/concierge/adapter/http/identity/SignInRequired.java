package dev.concierge.adapter.http.identity;

/** No valid session: the API answers 401; a page sends the browser to sign in, then back to {@link #returnTo()}. */
public final class SignInRequired extends Unauthenticated {
    private final String returnTo;

    public SignInRequired(String message, String returnTo) {
        super("sign_in_required", message);
        this.returnTo = returnTo;
    }

    public String returnTo() { return returnTo; }

    /** Where the browser goes to sign in. */
    public String loginPath() {
        return "/auth/login?return=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8);
    }
}
