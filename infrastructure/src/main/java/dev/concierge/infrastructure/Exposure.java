package dev.concierge.infrastructure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How users reach the load balancer: the two phases of the rollout, chosen by the CDK context {@code phase}. */
public sealed interface Exposure {

    /**
     * MVP: plain HTTP, reachable only from the corporate networks listed. Private ranges (RFC 1918, such as seed
     * 002's 192.168.0.0/16 and 10.0.0.0/8) never reach an internet-facing load balancer, so they get an internal one,
     * reached over VPN or Direct Connect; public egress ranges get an internet-facing one. One load balancer cannot
     * be both, so a list mixing the two is refused.
     */
    record CorporateOnly(List<String> allowedCidrs) implements Exposure {
        public CorporateOnly {
            allowedCidrs = List.copyOf(allowedCidrs);
            if (allowedCidrs.isEmpty()) throw new IllegalArgumentException("the MVP phase needs at least one allowed CIDR");
            for (String cidr : allowedCidrs) {
                if (!cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
                    throw new IllegalArgumentException("allowedCidrs: '" + cidr + "' is not an IPv4 CIDR such as 203.0.113.0/24");
                }
            }
            long privateRanges = allowedCidrs.stream().map(Ipv4Range::parse).filter(Ipv4Range::isPrivate).count();
            if (privateRanges != 0 && privateRanges != allowedCidrs.size()) {
                throw new IllegalArgumentException("allowedCidrs mixes private (RFC 1918) and public ranges " + allowedCidrs
                        + ": private ones need an internal load balancer (over VPN/Direct Connect), public ones an "
                        + "internet-facing one; deploy one environment per kind");
            }
        }

        /** Every allowed range is private: the load balancer is internal. */
        public boolean internal() {
            return Ipv4Range.parse(allowedCidrs.get(0)).isPrivate();
        }

        /** Refuses a VPC whose addresses the allowed ranges also name: their traffic would be routed inside the VPC. */
        public void requireOutside(String vpcCidr) {
            Ipv4Range vpc = Ipv4Range.parse(vpcCidr);
            for (String cidr : allowedCidrs) {
                if (Ipv4Range.parse(cidr).overlaps(vpc)) {
                    throw new IllegalArgumentException("vpcCidr " + vpcCidr + " overlaps the allowed range " + cidr
                            + ": users there could not be routed to the VPC; choose a vpcCidr outside every allowedCidrs range");
                }
            }
        }
    }

    /**
     * Public: HTTPS with an ACM certificate, HTTP redirected to HTTPS, optionally signed in by the ALB through OIDC.
     * Without {@code certificateArn} the edge creates the certificate, validated by DNS in the site's hosted zone.
     */
    record Public(Optional<String> certificateArn, Optional<OidcLogin> login) implements Exposure {
        public Public {
            Objects.requireNonNull(certificateArn, "certificateArn");
            certificateArn.ifPresent(arn -> {
                if (!arn.startsWith("arn:")) {
                    throw new IllegalArgumentException("certificateArn: the public phase needs an ACM certificate ARN, got '" + arn + "'");
                }
            });
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

    /** Whether the load balancer sits in the private subnets, reachable only from networks routed into the VPC. */
    default boolean internal() {
        return this instanceof CorporateOnly corporate && corporate.internal();
    }
}
