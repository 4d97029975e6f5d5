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

    @Test void private_corporate_ranges_get_an_internal_load_balancer_and_public_ranges_an_internet_facing_one() {
        // seed 002: 社内 IP（192.168.0.0/16, 10.0.0.0/8）からの HTTP
        assertThat(InfraApp.exposure(app(Map.of("allowedCidrs", "192.168.0.0/16,10.0.0.0/8"))).internal()).isTrue();
        assertThat(InfraApp.exposure(app(Map.of("allowedCidrs", "203.0.113.0/24"))).internal()).isFalse();
        assertThatThrownBy(() -> InfraApp.exposure(app(Map.of("allowedCidrs", "10.0.0.0/8,203.0.113.0/24"))))
                .hasMessageContaining("mixes private (RFC 1918) and public ranges");
    }

    @Test void a_vpc_inside_an_allowed_range_is_refused() {
        // seed 001's dev VPC 10.0.0.0/16 lies inside seed 002's corporate 10.0.0.0/8
        var corporate = (Exposure.CorporateOnly) InfraApp.exposure(app(Map.of("allowedCidrs", "192.168.0.0/16,10.0.0.0/8")));
        assertThatThrownBy(() -> corporate.requireOutside("10.0.0.0/16"))
                .hasMessageContaining("vpcCidr 10.0.0.0/16 overlaps the allowed range 10.0.0.0/8");
        corporate.requireOutside("172.20.0.0/16");
    }

    @Test void every_phase_needs_a_sign_in_or_the_written_opt_in_to_one_shared_identity() {
        Exposure mvp = InfraApp.exposure(app(Map.of()));
        assertThatThrownBy(() -> InfraApp.identity(app(Map.of()), mvp))
                .hasMessageContaining("phase=mvp needs a way to tell users apart").hasMessageContaining("sharedIdentity=true");
        assertThat(InfraApp.identity(app(Map.of("sharedIdentity", "true")), mvp)).isEqualTo(new Identity.SharedIdentity());
        assertThat(InfraApp.identity(app(Map.of("oidcIssuer", "https://login.example.com", "oidcClientId", "c",
                "oidcClientSecretName", "s", "publicBaseUrl", "http://concierge.corp.example.com/")), mvp))
                .isEqualTo(new Identity.AppSignIn("https://login.example.com", "c", "s", "http://concierge.corp.example.com"));
        assertThatThrownBy(() -> InfraApp.identity(app(Map.of("oidcIssuer", "https://login.example.com")), mvp))
                .hasMessageContaining("publicBaseUrl").hasMessageContaining("missing");
        Map<String, Object> publicContext = Map.of("phase", "public", "certificateArn", SynthesisedEnvironments.CERTIFICATE_ARN);
        assertThatThrownBy(() -> InfraApp.identity(app(publicContext), InfraApp.exposure(app(publicContext))))
                .hasMessageContaining("phase=public needs a way to tell users apart");
    }

    @Test void the_model_server_is_pinned_never_latest() {
        assertThat(InfraApp.modelServer(app(Map.of()))).isEqualTo(new ModelServer(LlmEngine.OLLAMA, "0.12.6", "qwen2.5:7b"));
        assertThat(InfraApp.modelServer(app(Map.of("llmEngine", "vllm"))).engine().appProvider()).isEqualTo("openai");
        assertThatThrownBy(() -> InfraApp.modelServer(app(Map.of("modelServerImageTag", "latest")))).hasMessageContaining("pin a release");
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
