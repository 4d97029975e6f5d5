package dev.concierge.infrastructure;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CDK context is read before anything is built, and a wrong one is refused saying what to pass. */
class InfraAppTest {
    @Test void the_mvp_phase_without_corporate_cidrs_admits_nobody() {
        assertThat(InfraApp.exposure(app(Map.of()))).isEqualTo(new Exposure.CorporateOnly(List.of(InfraApp.NOBODY)));
        assertThat(InfraApp.exposure(app(Map.of("allowedCidrs", " 203.0.113.0/24, 198.51.100.0/24 "))))
                .isEqualTo(new Exposure.CorporateOnly(List.of("203.0.113.0/24", "198.51.100.0/24")));
    }

    @Test void wrong_context_is_refused_naming_the_key() {
        assertThatThrownBy(() -> InfraApp.exposure(app(Map.of("allowedCidrs", "corporate"))))
                .hasMessageContaining("allowedCidrs: 'corporate' is not an IPv4 CIDR");
        assertThatThrownBy(() -> InfraApp.exposure(app(Map.of("phase", "public"))))
                .hasMessageContaining("certificateArn");
        assertThatThrownBy(() -> InfraApp.exposure(app(Map.of("phase", "beta"))))
                .hasMessageContaining("phase must be mvp or public");
        assertThatThrownBy(() -> InfraApp.exposure(app(Map.of("phase", "public",
                "certificateArn", SynthesisedEnvironments.CERTIFICATE_ARN, "oidcIssuer", "https://login.example.com"))))
                .hasMessageContaining("oidcAuthorizationEndpoint is missing");
        assertThatThrownBy(() -> DeploymentProfile.named("staging")).hasMessageContaining("env must be dev or prod");
    }

    @Test void only_a_public_phase_with_a_login_makes_the_alb_authenticate() {
        assertThat(InfraApp.exposure(app(Map.of("phase", "public", "certificateArn", SynthesisedEnvironments.CERTIFICATE_ARN)))
                .albAuthenticates()).isFalse();
        assertThat(new Exposure.CorporateOnly(List.of("203.0.113.0/24")).albAuthenticates()).isFalse();
    }

    private static App app(Map<String, Object> context) {
        return new App(AppProps.builder().context(context).build());
    }
}
