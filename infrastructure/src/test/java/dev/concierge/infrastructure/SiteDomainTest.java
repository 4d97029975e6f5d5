package dev.concierge.infrastructure;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The site's name and hosted zone are read from the context before anything is built; contradictions are refused. */
class SiteDomainTest {
    static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";
    private static final Map<String, Object> ZONE = Map.of("domainName", "concierge.example.com",
            "hostedZoneId", ZONE_ID, "hostedZoneName", "example.com");

    @Test void without_any_dns_key_nothing_changes() {
        assertThat(SiteDomain.from(app(Map.of()))).isEmpty();
    }

    @Test void a_name_and_its_zone_are_read_and_written_the_way_route_53_compares_them() {
        assertThat(SiteDomain.from(app(Map.of("domainName", "Concierge.Example.com.", "hostedZoneId", "/hostedzone/" + ZONE_ID,
                "hostedZoneName", "example.com."))))
                .contains(new SiteDomain("concierge.example.com", Optional.of(new SiteDomain.Zone(ZONE_ID, "example.com"))));
        // the zone apex is inside its own zone
        assertThat(SiteDomain.from(app(Map.of("domainName", "example.com", "hostedZoneId", ZONE_ID, "hostedZoneName", "example.com"))))
                .isPresent();
        assertThat(SiteDomain.from(app(Map.of("domainName", "concierge.example.com")))).contains(
                new SiteDomain("concierge.example.com", Optional.empty()));
    }

    @Test void a_name_outside_its_hosted_zone_is_refused() {
        assertThatThrownBy(() -> SiteDomain.from(app(with(ZONE, "domainName", "concierge.example.org"))))
                .hasMessageContaining("domainName concierge.example.org is not inside hostedZoneName example.com");
        // a suffix is not a parent zone
        assertThatThrownBy(() -> SiteDomain.from(app(with(ZONE, "domainName", "concierge.badexample.com"))))
                .hasMessageContaining("is not inside hostedZoneName example.com");
    }

    @Test void zone_keys_without_a_name_or_half_a_zone_are_refused() {
        assertThatThrownBy(() -> SiteDomain.from(app(Map.of("hostedZoneId", ZONE_ID))))
                .hasMessageContaining("without domainName");
        assertThatThrownBy(() -> SiteDomain.from(app(Map.of("domainName", "concierge.example.com", "hostedZoneId", ZONE_ID))))
                .hasMessageContaining("hostedZoneName is missing");
        assertThatThrownBy(() -> SiteDomain.from(app(with(ZONE, "hostedZoneId", "example.com"))))
                .hasMessageContaining("hostedZoneId: a Route 53 hosted zone id");
        assertThatThrownBy(() -> SiteDomain.from(app(with(ZONE, "domainName", "https://concierge.example.com/"))))
                .hasMessageContaining("domainName: a DNS name such as concierge.example.com");
    }

    @Test void the_public_phase_takes_a_certificate_arn_or_a_hosted_zone_to_create_one_in() {
        assertThatThrownBy(() -> InfraApp.exposure(app(Map.of("phase", "public", "domainName", "concierge.example.com"))))
                .hasMessageContaining("certificateArn").hasMessageContaining("hostedZoneId and hostedZoneName");
        assertThat(InfraApp.exposure(app(with(ZONE, "phase", "public")))).isEqualTo(new Exposure.Public(Optional.empty(), Optional.empty()));
    }

    @Test void the_apps_sign_in_returns_users_to_the_domain_name_unless_public_base_url_says_otherwise() {
        Map<String, Object> signIn = new HashMap<>(Map.of("oidcIssuer", "https://login.example.com", "oidcClientId", "c",
                "oidcClientSecretName", "s", "domainName", "concierge.example.com"));
        Exposure mvp = new Exposure.CorporateOnly(java.util.List.of("203.0.113.0/24"));
        assertThat(InfraApp.identity(app(signIn), mvp))
                .isEqualTo(new Identity.AppSignIn("https://login.example.com", "c", "s", "http://concierge.example.com"));
        signIn.put("publicBaseUrl", "http://concierge-alias.example.com");
        assertThat(((Identity.AppSignIn) InfraApp.identity(app(signIn), mvp)).publicBaseUrl()).isEqualTo("http://concierge-alias.example.com");
        // a domain name alone does not start a sign-in
        assertThat(InfraApp.identity(app(Map.of("domainName", "concierge.example.com", "sharedIdentity", "true")), mvp))
                .isEqualTo(new Identity.SharedIdentity());
    }

    @Test void route_53_health_checkers_are_admitted_only_where_they_are_needed() {
        Optional<SiteDomain> site = SiteDomain.from(app(ZONE));
        Exposure internetFacingMvp = new Exposure.CorporateOnly(java.util.List.of("203.0.113.0/24"));
        Map<String, Object> prefixList = Map.of("healthCheckPrefixListId", "pl-0123456789abcdef0");
        assertThat(InfraApp.healthCheckers(app(prefixList), internetFacingMvp, site)).contains("pl-0123456789abcdef0");
        assertThatThrownBy(() -> InfraApp.healthCheckers(app(prefixList), internetFacingMvp, Optional.empty()))
                .hasMessageContaining("healthCheckPrefixListId needs domainName");
        assertThatThrownBy(() -> InfraApp.healthCheckers(app(prefixList), new Exposure.CorporateOnly(java.util.List.of("192.168.0.0/16")), site))
                .hasMessageContaining("cannot reach an internal load balancer");
        assertThatThrownBy(() -> InfraApp.healthCheckers(app(prefixList), new Exposure.Public(Optional.of(SynthesisedEnvironments.CERTIFICATE_ARN),
                Optional.empty()), site)).hasMessageContaining("already admits everyone");
        assertThatThrownBy(() -> InfraApp.healthCheckers(app(Map.of("healthCheckPrefixListId", "route53")), internetFacingMvp, site))
                .hasMessageContaining("a prefix list id such as pl-");
    }

    private static Map<String, Object> with(Map<String, Object> context, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(context);
        changed.put(key, value);
        return changed;
    }

    private static App app(Map<String, Object> context) {
        return new App(AppProps.builder().context(context).build());
    }
}
