package dev.concierge.infrastructure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How users reach the load balancer: the two phases of the rollout, chosen by the CDK context {@code phase}. */
public sealed interface Exposure {

    /** MVP: plain HTTP, reachable only from the corporate networks listed. */
    record CorporateOnly(List<String> allowedCidrs) implements Exposure {
        public CorporateOnly {
            allowedCidrs = List.copyOf(allowedCidrs);
            if (allowedCidrs.isEmpty()) throw new IllegalArgumentException("the MVP phase needs at least one allowed CIDR");
            for (String cidr : allowedCidrs) {
                if (!cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
                    throw new IllegalArgumentException("allowedCidrs: '" + cidr + "' is not an IPv4 CIDR such as 203.0.113.0/24");
                }
            }
        }
    }

    /** Public: HTTPS with an ACM certificate, HTTP redirected to HTTPS, optionally signed in by the ALB through OIDC. */
    record Public(String certificateArn, Optional<OidcLogin> login) implements Exposure {
        public Public {
            Objects.requireNonNull(certificateArn, "certificateArn");
            if (!certificateArn.startsWith("arn:")) {
                throw new IllegalArgumentException("certificateArn: the public phase needs an ACM certificate ARN, got '" + certificateArn + "'");
            }
            Objects.requireNonNull(login, "login");
        }
    }

    /**
     * The identity provider the ALB signs users in with; the app then reads the ALB's signed header
     * ({@code AUTH_MODE=alb}). The client secret stays in Secrets Manager, referenced by name.
     */
    record OidcLogin(String issuer, String authorizationEndpoint, String tokenEndpoint, String userInfoEndpoint,
                     String clientId, String clientSecretName) {
        public OidcLogin {
            Objects.requireNonNull(issuer, "oidcIssuer");
            Objects.requireNonNull(authorizationEndpoint, "oidcAuthorizationEndpoint");
            Objects.requireNonNull(tokenEndpoint, "oidcTokenEndpoint");
            Objects.requireNonNull(userInfoEndpoint, "oidcUserInfoEndpoint");
            Objects.requireNonNull(clientId, "oidcClientId");
            Objects.requireNonNull(clientSecretName, "oidcClientSecretName");
        }
    }

    /** Whether the ALB authenticates users, so the app trusts its signed identity header. */
    default boolean albAuthenticates() {
        return this instanceof Public p && p.login().isPresent();
    }
}
