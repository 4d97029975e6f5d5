package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.AuthenticateOidcOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.UnauthenticatedAction;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.elasticloadbalancingv2.IpAddressType;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.AaaaRecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.concierge.infrastructure.DataStack.suppression;

/**
 * The load balancer users reach (internet-facing in the public subnets, or internal in the private subnets when the
 * MVP admits only private corporate ranges): {@code /health} and {@code /api/*} go to the backend, every
 * other path to the web UI. Both are the same Concierge service today (one target group, named so), so the default
 * action and the API rules forward to the same place; splitting the UI out later changes only the default action.
 * MVP phase: HTTP from the corporate CIDRs only. Public phase: HTTPS with an ACM certificate, HTTP redirected,
 * optionally signed in by the ALB through OIDC. A WAF web ACL (AWS managed rules and a per-IP rate limit) guards it.
 */
public final class EdgeStack extends Stack {
    public static final String API_PATHS = "/api/*";
    public static final String HEALTH_PATH = "/health";
    /** A user's private calendar feed: calendar apps cannot sign in, the secret token in the path is the identity. */
    public static final String CALENDAR_FEED_PATHS = "/api/calendar-feeds/*";

    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targetGroup;
    private final SecurityGroup loadBalancerSecurityGroup;
    private final Optional<SiteDomain> domain;
    private final Optional<IHostedZone> zone;

    public EdgeStack(Construct scope, String id, EdgeStackProps props) {
        super(scope, id, props.stack());
        DeploymentProfile profile = props.profile();
        RemovalPolicy removal = profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        domain = props.domain();
        // Imported as given (no lookup): synthesis stays offline.
        zone = domain.flatMap(SiteDomain::zone).map(z -> HostedZone.fromHostedZoneAttributes(this, "HostedZone",
                HostedZoneAttributes.builder().hostedZoneId(z.id()).zoneName(z.name()).build()));

        loadBalancerSecurityGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
                .vpc(props.vpc())
                .description("Concierge load balancer: users in, the Concierge tasks out")
                .allowAllOutbound(false)
                .build();
        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(props.vpc())
                // Private corporate ranges reach the VPC over VPN/Direct Connect, never over the internet.
                .internetFacing(!props.exposure().internal())
                .vpcSubnets(props.exposure().internal() ? NetworkStack.privateSubnets()
                        : SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroup(loadBalancerSecurityGroup)
                .dropInvalidHeaderFields(true)
                // Generation calls and server-sent event streams may stay quiet for minutes.
                .idleTimeout(Duration.seconds(300))
                .deletionProtection(profile.production())
                .build();

        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED) // the only encryption ALB log delivery supports
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .expiration(Duration.days(profile.auditLogDays())).build()))
                .removalPolicy(removal)
                .build();
        loadBalancer.logAccessLogs(accessLogs, "alb");
        CfnBucket rawBucket = (CfnBucket) accessLogs.getNode().getDefaultChild();
        NagSuppressions.addResourceSuppressions(rawBucket, List.of(
                suppression("AwsSolutions-S1", "This bucket holds the load balancer's access logs; logging access to it "
                        + "would need yet another bucket")));

        targetGroup = ApplicationTargetGroup.Builder.create(this, "ConciergeService")
                .vpc(props.vpc())
                .port(NetworkStack.APP_PORT)
                .protocol(ApplicationProtocol.HTTP)
                .targetType(TargetType.IP) // awsvpc tasks register by IP
                .healthCheck(HealthCheck.builder()
                        .path(HEALTH_PATH)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                // a little longer than the app's SHUTDOWN_DRAIN_SECONDS (20)
                .deregistrationDelay(Duration.seconds(30))
                .build();

        switch (props.exposure()) {
            case Exposure.CorporateOnly corporate -> corporateOnly(corporate, props.healthCheckers());
            case Exposure.Public publicPhase -> publicWithTls(publicPhase);
        }

        webApplicationFirewall(profile, removal);
        records();

        CfnOutput.Builder.create(this, "LoadBalancerDns").value(loadBalancer.getLoadBalancerDnsName())
                .description("Point the users' DNS name here").build();
    }

    /** The name users type, aliased to the load balancer (AAAA too when it answers on IPv6). */
    private void records() {
        zone.ifPresent(hostedZone -> {
            String name = domain.orElseThrow().name();
            RecordTarget alias = RecordTarget.fromAlias(new LoadBalancerTarget(loadBalancer));
            ARecord.Builder.create(this, "SiteRecord").zone(hostedZone).recordName(name).target(alias)
                    .comment("Concierge: the name users type").build();
            if (loadBalancer.getIpAddressType() != null && loadBalancer.getIpAddressType() != IpAddressType.IPV4) {
                AaaaRecord.Builder.create(this, "SiteRecordIpv6").zone(hostedZone).recordName(name).target(alias)
                        .comment("Concierge: the name users type, over IPv6").build();
            }
            CfnOutput.Builder.create(this, "SiteName").value(name).description("The name users type").build();
        });
    }

    private void corporateOnly(Exposure.CorporateOnly corporate, Optional<String> healthCheckers) {
        ApplicationListener http = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                .port(80).protocol(ApplicationProtocol.HTTP).open(false)
                .defaultAction(ListenerAction.forward(List.of(targetGroup)))
                .build());
        for (String cidr : corporate.allowedCidrs()) {
            loadBalancerSecurityGroup.addIngressRule(Peer.ipv4(cidr), Port.tcp(80), "HTTP from the corporate network " + cidr);
        }
        // Route 53's health checkers call from AWS's addresses, outside the corporate ranges.
        healthCheckers.ifPresent(prefixList -> loadBalancerSecurityGroup.addIngressRule(Peer.prefixList(prefixList), Port.tcp(80),
                "HTTP from Route 53 health checkers (AWS-managed prefix list)"));
        routeApiAndHealth(http, null);
    }

    private void publicWithTls(Exposure.Public publicPhase) {
        ApplicationListener https = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .port(443).protocol(ApplicationProtocol.HTTPS).open(true)
                .certificates(List.of(certificate(publicPhase)))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .defaultAction(signedIn(publicPhase, UnauthenticatedAction.AUTHENTICATE))
                .build());
        loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                .port(80).protocol(ApplicationProtocol.HTTP).open(true)
                .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                        .protocol("HTTPS").port("443").permanent(true).build()))
                .build());
        routeApiAndHealth(https, publicPhase);
        NagSuppressions.addResourceSuppressions(loadBalancerSecurityGroup, List.of(
                suppression("AwsSolutions-EC23", "Public phase: the site is for everyone on the internet, on 443 (and 80 "
                        + "only to redirect to 443); WAF filters and rate-limits what arrives")));
    }

    /** The deployer's certificate, or one for the site's name validated by DNS in its hosted zone (seed 000). */
    private ListenerCertificate certificate(Exposure.Public publicPhase) {
        return publicPhase.certificateArn().map(ListenerCertificate::fromArn).orElseGet(() -> {
            IHostedZone hostedZone = zone.orElseThrow(() -> new IllegalArgumentException(
                    "phase=public without certificateArn needs domainName, hostedZoneId and hostedZoneName"));
            Certificate certificate = Certificate.Builder.create(this, "Certificate")
                    .domainName(domain.orElseThrow().name())
                    .validation(CertificateValidation.fromDns(hostedZone))
                    .build();
            return ListenerCertificate.fromCertificateManager(certificate);
        });
    }

    /**
     * {@code /health} is never behind a login (monitors call it); {@code /api/*} answers 401 instead of a login
     * redirect when the ALB signs users in, because API callers cannot follow one. The calendar feeds go straight to
     * the app before the API's rule: a calendar app (Google, Outlook, Apple) cannot sign in, and the app checks the
     * feed's token itself.
     */
    private void routeApiAndHealth(ApplicationListener listener, Exposure.Public publicPhase) {
        listener.addAction("Health", AddApplicationActionProps.builder()
                .priority(10)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of(HEALTH_PATH))))
                .action(ListenerAction.forward(List.of(targetGroup)))
                .build());
        listener.addAction("CalendarFeeds", AddApplicationActionProps.builder()
                .priority(15)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of(CALENDAR_FEED_PATHS))))
                .action(ListenerAction.forward(List.of(targetGroup)))
                .build());
        listener.addAction("Api", AddApplicationActionProps.builder()
                .priority(20)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of(API_PATHS))))
                .action(publicPhase == null ? ListenerAction.forward(List.of(targetGroup))
                        : signedIn(publicPhase, UnauthenticatedAction.DENY))
                .build());
    }

    private ListenerAction signedIn(Exposure.Public publicPhase, UnauthenticatedAction whenSignedOut) {
        ListenerAction forward = ListenerAction.forward(List.of(targetGroup));
        return publicPhase.login().map(login -> ListenerAction.authenticateOidc(AuthenticateOidcOptions.builder()
                .issuer(login.issuer())
                .authorizationEndpoint(login.authorizationEndpoint())
                .tokenEndpoint(login.tokenEndpoint())
                .userInfoEndpoint(login.userInfoEndpoint())
                .clientId(login.clientId())
                .clientSecret(SecretValue.secretsManager(login.clientSecretName()))
                .scope("openid email profile")
                .onUnauthenticatedRequest(whenSignedOut)
                .next(forward)
                .build())).orElse(forward);
    }

    private void webApplicationFirewall(DeploymentProfile profile, RemovalPolicy removal) {
        List<CfnWebACL.RuleProperty> rules = WebAclRules.rules(WebAclRules.requestsPerIpPer5Minutes(this));

        CfnWebACL webAcl = CfnWebACL.Builder.create(this, "WebAcl")
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .rules(List.copyOf(rules))
                .visibilityConfig(visibility("concierge-" + profile.name()))
                .build();
        CfnWebACLAssociation.Builder.create(this, "WebAclAssociation")
                .resourceArn(loadBalancer.getLoadBalancerArn())
                .webAclArn(webAcl.getAttrArn())
                .build();

        // WAF writes only to log groups whose name starts with aws-waf-logs-, given by an ARN without the ":*".
        String wafLogGroupName = "aws-waf-logs-concierge-" + profile.name();
        LogGroup wafLogs = LogGroup.Builder.create(this, "WafLogs")
                .logGroupName(wafLogGroupName)
                .retention(profile.auditLogRetention())
                .removalPolicy(removal)
                .build();
        CfnLoggingConfiguration wafLogging = CfnLoggingConfiguration.Builder.create(this, "WafLogging")
                .resourceArn(webAcl.getAttrArn())
                .logDestinationConfigs(List.of(formatArn(ArnComponents.builder()
                        .service("logs").resource("log-group").resourceName(wafLogGroupName)
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())))
                .build();
        wafLogging.getNode().addDependency(wafLogs);
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .metricName(metricName).cloudWatchMetricsEnabled(true).sampledRequestsEnabled(true).build();
    }

    public ApplicationLoadBalancer loadBalancer() { return loadBalancer; }

    /** The Concierge service: backend and web UI alike. */
    public ApplicationTargetGroup targetGroup() { return targetGroup; }

    public SecurityGroup loadBalancerSecurityGroup() { return loadBalancerSecurityGroup; }
}
