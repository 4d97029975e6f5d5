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
 * dev in the MVP phase (HTTP from seed 002's private corporate range, the app's own OIDC sign-in, tiered) and prod in
 * the public phase (HTTPS, the ALB's OIDC login, tiered). Every test class reads templates from these, so the whole
 * suite pays for two syntheses; the combined layout and the other engine are synthesised by the deploy rehearsal.
 */
final class SynthesisedEnvironments {
    /** Seed 002's MVP admits the corporate ranges 192.168.0.0/16 and 10.0.0.0/8; the second overlaps dev's 10.0.0.0/16. */
    static final List<String> CORPORATE_CIDRS = List.of("192.168.0.0/16");
    static final String DOCKER_HUB_CREDENTIAL_ARN = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf";
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
                    "allowedCidrs", String.join(",", CORPORATE_CIDRS),
                    "oidcIssuer", "https://login.example.com",
                    "oidcClientId", "concierge",
                    "oidcClientSecretName", "concierge/dev/oidc-client-secret",
                    "publicBaseUrl", "http://concierge.corp.example.com",
                    "dockerHubCredentialArn", DOCKER_HUB_CREDENTIAL_ARN)).build()));
        }
        return dev;
    }

    /**
     * Another dev app, for a test of a context key: the least context dev synthesises with (MVP, one shared identity)
     * plus {@code more}. Each call is a synthesis of its own (seconds), so tests share one per class.
     */
    static InfraApp.ConciergeStacks devWith(Map<String, String> more) {
        Map<String, Object> context = new java.util.HashMap<>(Map.of(
                "env", "dev",
                "phase", "mvp",
                "allowedCidrs", String.join(",", CORPORATE_CIDRS),
                "sharedIdentity", "true",
                "dockerHubCredentialArn", DOCKER_HUB_CREDENTIAL_ARN));
        context.putAll(more);
        return InfraApp.addTo(new App(AppProps.builder().context(context).build()));
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
                    Map.entry("dockerHubCredentialArn", DOCKER_HUB_CREDENTIAL_ARN),
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
