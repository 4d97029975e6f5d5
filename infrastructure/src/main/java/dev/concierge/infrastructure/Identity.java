package dev.concierge.infrastructure;

import java.util.Objects;

/**
 * Who a request is, per phase (CONTRACT-19): each person keeps their own favourites and trips, so a shared identity
 * is only ever the deployer's written opt-in ({@code sharedIdentity=true}).
 */
public sealed interface Identity {

    /** Public phase: the ALB signs users in over HTTPS and the app reads its signed header ({@code AUTH_MODE=alb}). */
    record AlbSignIn(Exposure.OidcLogin login) implements Identity {
        public AlbSignIn {
            Objects.requireNonNull(login, "login");
        }
    }

    /**
     * MVP phase: the ALB's OIDC needs HTTPS, which the MVP does not have, so the app signs users in itself
     * ({@code AUTH_MODE=oidc}, authorization code + PKCE) and redirects back to {@code publicBaseUrl}.
     */
    record AppSignIn(String issuer, String clientId, String clientSecretName, String publicBaseUrl) implements Identity {
        public AppSignIn {
            Objects.requireNonNull(issuer, "oidcIssuer");
            Objects.requireNonNull(clientId, "oidcClientId");
            Objects.requireNonNull(clientSecretName, "oidcClientSecretName");
            Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
            if (!publicBaseUrl.matches("https?://[^/]+(/.*)?")) {
                throw new IllegalArgumentException("publicBaseUrl: the URL users type, such as http://concierge.corp.example.com, got '" + publicBaseUrl + "'");
            }
            if (publicBaseUrl.endsWith("/")) publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        }
    }

    /** Everyone is one user ({@code AUTH_MODE=local}, {@code LOCAL_USER=shared}): only when the deployer wrote so. */
    record SharedIdentity() implements Identity {
        public static final String USER = "shared";
    }
}
