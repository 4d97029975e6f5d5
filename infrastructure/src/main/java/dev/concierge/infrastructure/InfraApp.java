package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Concierge CDK app. Synthesises offline (jsii runs on the machine's Node.js; no CDK CLI, no AWS account):
 * {@code ./concierge synth [key=value ...]} writes {@code infrastructure/cdk.out}. The CDK CLI runs the same main
 * class through {@code infrastructure/cdk.json}. Context keys are listed in README ("Deploy on AWS").
 */
public final class InfraApp {
    /** Where users are: the default region of the stacks (context {@code region} or CDK_DEFAULT_REGION overrides). */
    static final String DEFAULT_REGION = "ap-northeast-1";
    /** TEST-NET-1 (RFC 5737): reaches nobody, so a forgotten allowedCidrs opens nothing. */
    static final String NOBODY = "192.0.2.0/24";
    private static final String CROSS_STACK_REFERENCES = "@aws-cdk/core:defaultCrossStackReferences";

    private InfraApp() {}

    public static void main(String[] args) {
        Map<String, Object> context = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) throw new IllegalArgumentException("context arguments are key=value, got '" + arg + "'");
            context.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        AppProps.Builder props = AppProps.builder().context(context);
        // The CDK CLI chooses the output directory through CDK_OUTDIR; without it, write next to the pom.
        if (System.getenv("CDK_OUTDIR") == null) props.outdir("cdk.out");
        App app = new App(props.build());
        ConciergeStacks stacks = addTo(app);
        app.synth();
        messages(app, "aws:cdk:warning").forEach(warning -> System.err.println("warning " + warning));
        // Errors (cdk-nag findings without a suppression among them) fail the synthesis, as they fail `cdk deploy`.
        List<String> errors = messages(app, "aws:cdk:error");
        if (!errors.isEmpty()) {
            System.err.println("Synthesis found " + errors.size() + " error(s):\n  " + String.join("\n  ", errors));
            System.exit(1);
        }
        System.out.println("Synthesised " + stacks.all().size() + " stacks of environment '" + stacks.profile().name()
                + "' into " + app.getOutdir());
    }

    private static List<String> messages(App app, String type) {
        return app.getNode().findAll().stream()
                .flatMap(construct -> construct.getNode().getMetadata().stream()
                        .filter(entry -> type.equals(entry.getType()))
                        .map(entry -> construct.getNode().getPath() + ": " + String.valueOf(entry.getData()).lines().findFirst().orElse("")))
                .toList();
    }

    /** Every stack of one environment, as the context of {@code app} describes it, checked by cdk-nag. */
    public static ConciergeStacks addTo(App app) {
        // Exports between these stacks stay protected while a consumer uses them (CDK's default, said explicitly).
        if (app.getNode().tryGetContext(CROSS_STACK_REFERENCES) == null) app.getNode().setContext(CROSS_STACK_REFERENCES, "strong");
        ConciergeStacks stacks = addStacksTo(app);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stacks;
    }

    /**
     * Every stack of one environment under {@code scope} (an app, or a stage holding one environment among others),
     * as the context there describes it, without the cdk-nag checks ({@link #addTo} adds them).
     */
    public static ConciergeStacks addStacksTo(Construct app) {
        DeploymentProfile profile = DeploymentProfile.named(text(app, "env").orElse("dev"));
        Exposure exposure = exposure(app);
        Optional<SiteDomain> domain = SiteDomain.from(app);
        Optional<String> healthCheckers = healthCheckers(app, exposure, domain);
        String region = text(app, "region").or(() -> Optional.ofNullable(System.getenv("CDK_DEFAULT_REGION")))
                .orElse(DEFAULT_REGION);
        String prefix = "Concierge-" + profile.name() + "-";

        String vpcCidr = text(app, "vpcCidr").orElse(profile.vpcCidr());
        if (exposure instanceof Exposure.CorporateOnly corporate) corporate.requireOutside(vpcCidr);
        Identity identity = identity(app, exposure);
        Layout layout = text(app, "layout").map(Layout::named).orElse(profile.defaultLayout());
        ModelServer modelServer = modelServer(app);
        Egress egress = text(app, "egress").map(Egress::named).orElse(Egress.NAT_GATEWAY);
        Optional<AuroraServerless> serverless = AuroraServerless.from(app);
        Optional<OffHours> offHours = OffHours.from(app, profile);
        String dockerHubCredentialArn = text(app, "dockerHubCredentialArn").orElseThrow(() -> new IllegalArgumentException(
                "dockerHubCredentialArn is missing: the model server's image comes from Docker Hub through an ECR "
                        + "pull-through cache, which needs a Docker Hub credential; create a secret named "
                        + "ecr-pullthroughcache/docker-hub holding {\"username\":\"<user>\",\"accessToken\":\"<token>\"} "
                        + "and pass its ARN (README, Deploy on AWS)"));

        // Region known (ALB access logs need it), account left to deployment time (no lookups, offline synthesis).
        StackProps.Builder common = StackProps.builder().env(Environment.builder().region(region).build());
        var registry = new RegistryStack(app, prefix + "Registry", new RegistryStackProps(
                common.description("Concierge " + profile.name() + ": app image repository, model server image cache").build(),
                profile, dockerHubCredentialArn));
        var network = new NetworkStack(app, prefix + "Network", new NetworkStackProps(
                common.description("Concierge " + profile.name() + ": VPC, endpoints, security groups").build(), profile, vpcCidr,
                egress, text(app, "natInstanceAmi")));
        var logs = new LogsStack(app, prefix + "Logs", new LogsStackProps(
                common.description("Concierge " + profile.name() + ": log archive, Athena queries, error and metric log groups").build(),
                profile));
        var data = new DataStack(app, prefix + "Data", new DataStackProps(
                common.description("Concierge " + profile.name() + ": Aurora PostgreSQL, secrets, files bucket").build(), profile,
                network.vpc(), identity instanceof Identity.AppSignIn, serverless));
        var edge = new EdgeStack(app, prefix + "Edge", new EdgeStackProps(
                common.description("Concierge " + profile.name() + ": load balancer, listeners, WAF").build(), profile,
                exposure, network.vpc(), domain, healthCheckers));
        var compute = new ComputeStack(app, prefix + "Compute", new ComputeStackProps(
                common.description("Concierge " + profile.name() + ": ECS cluster, web and GPU generation tiers").build(), profile,
                network.vpc(), registry.repository(),
                text(app, "imageTag").orElse("latest"),
                registry.throughPullThroughCache(modelServer.engine().dockerHubImage(), modelServer.imageTag()),
                registry.pullThroughCacheRepositories(),
                data.database(), data.databaseSecret(), data.databaseAppSecret(), data.openAiApiKey(), data.sessionSecret(),
                data.files().bucket(), edge.loadBalancer(), edge.targetGroup(), identity, layout, modelServer,
                new AppTelemetry(logs, profile), offHours));
        var observability = new ObservabilityStack(app, prefix + "Observability", new ObservabilityStackProps(
                common.description("Concierge " + profile.name() + ": alarms, topics, dashboard").build(), profile,
                compute.service(), edge.loadBalancer(), edge.targetGroup(), data.database(), text(app, "alarmEmail"),
                new AlarmChat.Destinations(text(app, "alarmWebhookUrl"), text(app, "alarmSlackWorkspaceId"), text(app, "alarmSlackChannelId")),
                offHours, compute.generation().map(GenerationTier::service)));

        // Route 53's health checkers are on the internet: they cannot reach an internal load balancer, so none there.
        boolean checkable = !exposure.internal() && (exposure instanceof Exposure.Public || healthCheckers.isPresent());
        Optional<SiteHealthCheckStack> siteHealthCheck = domain.filter(ignored -> checkable).map(site -> {
            SiteHealthCheckStack stack = new SiteHealthCheckStack(app, prefix + "SiteHealthCheck", StackProps.builder()
                    .env(Environment.builder().region(SiteHealthCheckStack.METRICS_REGION).build())
                    .description("Concierge " + profile.name() + ": Route 53 health check of " + site.name() + " and its alarm").build(),
                    profile, site.name(), exposure instanceof Exposure.Public, region);
            SiteHealthCheckStack.notifyCritical(observability, profile, observability.critical(), offHours);
            return stack;
        });
        if (domain.isPresent() && !exposure.internal() && !checkable) {
            Annotations.of(edge).addWarningV2("concierge:healthCheckPrefixListId", "MVP phase with domainName: no Route 53 "
                    + "health check, because the load balancer admits only allowedCidrs; pass healthCheckPrefixListId=<id of "
                    + "com.amazonaws." + region + ".route53-healthchecks> to admit Route 53's health checkers on port 80");
        }
        if (exposure instanceof Exposure.CorporateOnly && text(app, "allowedCidrs").isEmpty()) {
            Annotations.of(edge).addWarningV2("concierge:allowedCidrs", "MVP phase without allowedCidrs: the load balancer "
                    + "admits only " + NOBODY + " (nobody); pass allowedCidrs=<corporate CIDRs, comma-separated>");
        }
        if (egress == Egress.ENDPOINTS) {
            Annotations.of(network).addWarningV2("concierge:egress", "egress=endpoints: the tasks reach AWS services only; "
                    + "put the model weights on the shared volume first, and the identity provider must be reachable without the internet");
        }
        AuditStack.Services auditServices = AuditStack.Services.from(app, profile);
        Optional<AuditStack> audit = auditServices.any()
                ? Optional.of(new AuditStack(app, prefix + "Audit",
                        common.description("Concierge " + profile.name() + ": CloudTrail, GuardDuty, AWS Config").build(), profile, auditServices))
                : Optional.empty();
        Optional<DeliveryStack> delivery = text(app, "githubRepository").map(repository -> new DeliveryStack(app, prefix + "Delivery",
                common.description("Concierge " + profile.name() + ": the role GitHub Actions deploys with (OIDC)").build(), profile,
                new DeliveryStack.GitHub(repository, text(app, "githubEnvironment").orElse(profile.name()),
                        text(app, "githubOidcProviderArn")), registry.repository()));
        ResourceTags.apply(app, profile);
        return new ConciergeStacks(profile, registry, network, data, edge, compute, observability, logs, audit, delivery, siteHealthCheck);
    }

    /**
     * The AWS-managed prefix list of Route 53's health checkers, admitted on port 80 only where it is needed and
     * enough: an internet-facing MVP load balancer with a domainName. Elsewhere it would do nothing, so it is refused.
     */
    static Optional<String> healthCheckers(Construct app, Exposure exposure, Optional<SiteDomain> domain) {
        Optional<String> prefixList = text(app, "healthCheckPrefixListId");
        prefixList.ifPresent(id -> {
            if (!id.matches("pl-[0-9a-f]{8,17}")) {
                throw new IllegalArgumentException("healthCheckPrefixListId: a prefix list id such as pl-0123456789abcdef0, got '" + id + "'");
            }
            if (domain.isEmpty()) {
                throw new IllegalArgumentException("healthCheckPrefixListId needs domainName: the health check calls the name users type");
            }
            if (!(exposure instanceof Exposure.CorporateOnly) || exposure.internal()) {
                throw new IllegalArgumentException("healthCheckPrefixListId is only for the MVP phase with public allowedCidrs: "
                        + (exposure.internal() ? "health checkers cannot reach an internal load balancer"
                                : "the public phase already admits everyone on 80 and 443"));
            }
        });
        return prefixList;
    }

    static Exposure exposure(Construct app) {
        String phase = text(app, "phase").orElse("mvp");
        return switch (phase) {
            case "mvp" -> new Exposure.CorporateOnly(Arrays.stream(text(app, "allowedCidrs").orElse(NOBODY).split(","))
                    .map(String::strip).filter(cidr -> !cidr.isEmpty()).toList());
            case "public" -> {
                Optional<String> certificateArn = text(app, "certificateArn");
                if (certificateArn.isEmpty() && SiteDomain.from(app).flatMap(SiteDomain::zone).isEmpty()) {
                    throw new IllegalArgumentException("phase=public needs -c certificateArn=<ACM certificate ARN>, or "
                            + "domainName with hostedZoneId and hostedZoneName to create one validated by DNS in that zone");
                }
                yield new Exposure.Public(certificateArn, oidcLogin(app));
            }
            default -> throw new IllegalArgumentException("CDK context phase must be mvp or public, got '" + phase + "'");
        };
    }

    /**
     * Who users are (CONTRACT-19): the public phase's ALB sign-in, the MVP's sign-in by the app itself, or, only when
     * the deployer writes {@code sharedIdentity=true}, one shared identity.
     */
    static Identity identity(Construct app, Exposure exposure) {
        boolean sharedIdentity = text(app, "sharedIdentity").map(Boolean::parseBoolean).orElse(false);
        Optional<Identity> signIn = switch (exposure) {
            case Exposure.Public publicPhase -> publicPhase.login().map(Identity.AlbSignIn::new);
            case Exposure.CorporateOnly ignored -> appSignIn(app);
        };
        if (signIn.isPresent()) {
            if (sharedIdentity) throw new IllegalArgumentException("sharedIdentity=true and an OIDC sign-in were both given; choose one");
            return signIn.get();
        }
        if (sharedIdentity) return new Identity.SharedIdentity();
        String phase = exposure instanceof Exposure.Public ? "public" : "mvp";
        String keys = exposure instanceof Exposure.Public
                ? "oidcIssuer, oidcAuthorizationEndpoint, oidcTokenEndpoint, oidcUserInfoEndpoint, oidcClientId, oidcClientSecretName (the ALB signs users in)"
                : "oidcIssuer, oidcClientId, oidcClientSecretName and publicBaseUrl (the app signs users in)";
        throw new IllegalArgumentException("phase=" + phase + " needs a way to tell users apart: pass " + keys
                + ", or sharedIdentity=true to let everyone share one identity (everything saved then belongs to all)");
    }

    private static Optional<Identity> appSignIn(Construct app) {
        List<String> keys = List.of("oidcIssuer", "oidcClientId", "oidcClientSecretName", "publicBaseUrl");
        List<Optional<String>> values = keys.stream().map(key -> text(app, key)).toList();
        if (values.stream().allMatch(Optional::isEmpty)) return Optional.empty();
        // The name users type is where the identity provider sends them back, unless publicBaseUrl says otherwise.
        values = List.of(values.get(0), values.get(1), values.get(2),
                values.get(3).or(() -> SiteDomain.from(app).map(domain -> "http://" + domain.name())));
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i).isEmpty()) {
                throw new IllegalArgumentException("The app's OIDC sign-in needs every one of " + keys + "; " + keys.get(i) + " is missing"
                        + (keys.get(i).equals("publicBaseUrl") ? " (or give domainName: it defaults to http://<domainName>)" : ""));
            }
        }
        return Optional.of(new Identity.AppSignIn(values.get(0).get(), values.get(1).get(), values.get(2).get(), values.get(3).get()));
    }

    static ModelServer modelServer(Construct app) {
        LlmEngine engine = text(app, "llmEngine").map(LlmEngine::named).orElse(LlmEngine.OLLAMA);
        return new ModelServer(engine, text(app, "modelServerImageTag").orElse(engine.pinnedTag()),
                text(app, "llmModel").orElse(engine.defaultModel()));
    }

    private static Optional<Exposure.OidcLogin> oidcLogin(Construct app) {
        List<String> keys = List.of("oidcIssuer", "oidcAuthorizationEndpoint", "oidcTokenEndpoint", "oidcUserInfoEndpoint",
                "oidcClientId", "oidcClientSecretName");
        List<Optional<String>> values = keys.stream().map(key -> text(app, key)).toList();
        if (values.stream().allMatch(Optional::isEmpty)) return Optional.empty();
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i).isEmpty()) {
                throw new IllegalArgumentException("OIDC login needs every one of " + keys + "; " + keys.get(i) + " is missing");
            }
        }
        return Optional.of(new Exposure.OidcLogin(values.get(0).get(), values.get(1).get(), values.get(2).get(),
                values.get(3).get(), values.get(4).get(), values.get(5).get()));
    }

    static Optional<String> text(Construct app, String key) {
        return Optional.ofNullable(app.getNode().tryGetContext(key)).map(Object::toString).map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    /** The stacks of one environment, for the caller that wants to look into them (tests). */
    public record ConciergeStacks(DeploymentProfile profile, RegistryStack registry, NetworkStack network, DataStack data,
                                  EdgeStack edge, ComputeStack compute, ObservabilityStack observability, LogsStack logs,
                                  Optional<AuditStack> audit, Optional<DeliveryStack> delivery,
                                  Optional<SiteHealthCheckStack> siteHealthCheck) {
        public List<software.amazon.awscdk.Stack> all() {
            var all = new java.util.ArrayList<software.amazon.awscdk.Stack>(List.of(registry, network, data, edge, compute, observability, logs));
            audit.ifPresent(all::add);
            delivery.ifPresent(all::add);
            siteHealthCheck.ifPresent(all::add);
            return List.copyOf(all);
        }
    }
}
