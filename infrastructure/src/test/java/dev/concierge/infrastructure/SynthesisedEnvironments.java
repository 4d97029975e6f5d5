package dev.concierge.infrastructure;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two apps the tests look into, each synthesised once per test run (a synthesis costs seconds of Node.js):
 * dev in the MVP phase (HTTP from corporate CIDRs) and prod in the public phase (HTTPS, OIDC login). Every test
 * class reads templates from these, so the whole suite pays for two syntheses.
 */
final class SynthesisedEnvironments {
    static final List<String> CORPORATE_CIDRS = List.of("203.0.113.0/24", "198.51.100.0/24");
    /** Seed 000's tagging rule, as a deployer writes it in the context. */
    static final String TAGS = "please_keep_it=true,user=taro.yamada";
    static final String GITHUB_REPOSITORY = "example-org/concierge";
    static final String CERTIFICATE_ARN = "arn:aws:acm:ap-northeast-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100";

    private static InfraApp.ConciergeStacks dev;
    private static InfraApp.ConciergeStacks prod;
    private static final Map<Stack, Template> TEMPLATES = new ConcurrentHashMap<>();

    private SynthesisedEnvironments() {}

    static synchronized InfraApp.ConciergeStacks dev() {
        if (dev == null) {
            dev = InfraApp.addTo(new App(AppProps.builder().context(Map.of(
                    "env", "dev",
                    "phase", "mvp",
                    "allowedCidrs", String.join(",", CORPORATE_CIDRS))).build()));
        }
        return dev;
    }

    static synchronized InfraApp.ConciergeStacks prod() {
        if (prod == null) {
            prod = InfraApp.addTo(new App(AppProps.builder().context(Map.<String, Object>ofEntries(
                    Map.entry("env", "prod"),
                    Map.entry("phase", "public"),
                    Map.entry("certificateArn", CERTIFICATE_ARN),
                    Map.entry("oidcIssuer", "https://login.example.com"),
                    Map.entry("oidcAuthorizationEndpoint", "https://login.example.com/authorize"),
                    Map.entry("oidcTokenEndpoint", "https://login.example.com/token"),
                    Map.entry("oidcUserInfoEndpoint", "https://login.example.com/userinfo"),
                    Map.entry("oidcClientId", "concierge"),
                    Map.entry("oidcClientSecretName", "concierge/prod/oidc-client-secret"),
                    Map.entry("alarmEmail", "ops@example.com"),
                    Map.entry("tags", TAGS),
                    Map.entry("githubRepository", GITHUB_REPOSITORY))).build()));
        }
        return prod;
    }

    /** The stack's CloudFormation template; the first call synthesises the stack's whole app. */
    static Template template(Stack stack) {
        return TEMPLATES.computeIfAbsent(stack, Template::fromStack);
    }
}
