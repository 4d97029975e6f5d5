package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudtrail.Trail;
import software.amazon.awscdk.services.config.CfnConfigRule;
import software.amazon.awscdk.services.config.CfnConfigurationRecorder;
import software.amazon.awscdk.services.config.CfnDeliveryChannel;
import software.amazon.awscdk.services.guardduty.CfnDetector;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

import java.util.List;

import static dev.concierge.infrastructure.DataStack.suppression;

/**
 * Audit and threat detection for the account and region (seeds 001, 003): CloudTrail (all regions, log-file
 * validation, KMS-encrypted, kept a year), GuardDuty, and AWS Config (a recorder, a delivery channel, a few AWS managed
 * rules). Each is one per account and region, and organisations often run them centrally: context keys
 * {@code cloudTrail}, {@code guardDuty}, {@code awsConfig} ({@code true}/{@code false}) switch each; by default they
 * are on in prod and off in dev (which often shares prod's account or an organisation's).
 */
public final class AuditStack extends Stack {
    public static final int TRAIL_GLACIER_DAYS = 90;
    public static final int TRAIL_EXPIRE_DAYS = 365;
    public static final List<String> CONFIG_RULES = List.of(
            "S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_SSL_REQUESTS_ONLY", "RDS_STORAGE_ENCRYPTED",
            "ENCRYPTED_VOLUMES", "VPC_FLOW_LOGS_ENABLED", "CLOUD_TRAIL_ENABLED", "RESTRICTED_INCOMING_TRAFFIC");

    /** Which services this environment runs itself. */
    public record Services(boolean cloudTrail, boolean guardDuty, boolean config) {
        public boolean any() { return cloudTrail || guardDuty || config; }

        static Services from(Construct app, DeploymentProfile profile) {
            return new Services(flag(app, "cloudTrail", profile.production()), flag(app, "guardDuty", profile.production()),
                    flag(app, "awsConfig", profile.production()));
        }

        private static boolean flag(Construct app, String key, boolean fallback) {
            Object value = app.getNode().tryGetContext(key);
            if (value == null || value.toString().isBlank()) return fallback;
            return switch (value.toString().strip()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("CDK context " + key + " must be true or false, got '" + value + "'");
            };
        }
    }

    public AuditStack(Construct scope, String id, StackProps stackProps, DeploymentProfile profile, Services services) {
        super(scope, id, stackProps);
        RemovalPolicy removal = profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        if (services.cloudTrail()) trail(profile, removal);
        if (services.guardDuty()) {
            CfnDetector.Builder.create(this, "GuardDuty").enable(true).findingPublishingFrequency("FIFTEEN_MINUTES").build();
        }
        if (services.config()) config(profile, removal);
    }

    private void trail(DeploymentProfile profile, RemovalPolicy removal) {
        Key key = Key.Builder.create(this, "TrailKey").description("Concierge " + profile.name() + ": CloudTrail log files")
                .enableKeyRotation(true).removalPolicy(removal).build();
        Bucket bucket = auditBucket("TrailBucket", removal);
        Trail.Builder.create(this, "Trail")
                .trailName("concierge-" + profile.name())
                .bucket(bucket)
                .encryptionKey(key)
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableFileValidation(true)
                .build();
    }

    private void config(DeploymentProfile profile, RemovalPolicy removal) {
        Bucket bucket = auditBucket("ConfigBucket", removal);
        Role role = Role.Builder.create(this, "ConfigRole")
                .assumedBy(new ServicePrincipal("config.amazonaws.com"))
                .description("AWS Config: read resource configurations, deliver to the audit bucket")
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("service-role/AWS_ConfigRole")))
                .build();
        bucket.grantPut(role);
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("config.amazonaws.com")))
                .actions(List.of("s3:GetBucketAcl", "s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn()))
                .build());
        NagSuppressions.addResourceSuppressions(role, List.of(
                suppression("AwsSolutions-IAM4", "AWS_ConfigRole is AWS's own policy for the Config recorder, kept current by AWS "
                        + "as resource types are added", "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole"),
                io.github.cdklabs.cdknag.NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("Config writes objects under keys it chooses, in the audit bucket only")
                        .appliesTo(List.of("Action::s3:Abort*",
                                io.github.cdklabs.cdknag.RegexAppliesTo.builder().regex("/^Resource::<ConfigBucket.*\\/\\*$/g").build()))
                        .build()), true);

        CfnConfigurationRecorder recorder = CfnConfigurationRecorder.Builder.create(this, "Recorder")
                .name("concierge-" + profile.name())
                .roleArn(role.getRoleArn())
                .recordingGroup(CfnConfigurationRecorder.RecordingGroupProperty.builder()
                        .allSupported(true).includeGlobalResourceTypes(true).build())
                .build();
        CfnDeliveryChannel channel = CfnDeliveryChannel.Builder.create(this, "DeliveryChannel")
                .name("concierge-" + profile.name())
                .s3BucketName(bucket.getBucketName())
                .configSnapshotDeliveryProperties(CfnDeliveryChannel.ConfigSnapshotDeliveryPropertiesProperty.builder()
                        .deliveryFrequency("TwentyFour_Hours").build())
                .build();
        for (String rule : CONFIG_RULES) {
            CfnConfigRule configRule = CfnConfigRule.Builder.create(this, rule)
                    .configRuleName("concierge-" + profile.name() + "-" + rule.toLowerCase().replace('_', '-'))
                    .source(CfnConfigRule.SourceProperty.builder().owner("AWS").sourceIdentifier(rule).build())
                    .build();
            configRule.getNode().addDependency(recorder);
            configRule.getNode().addDependency(channel);
        }
    }

    private Bucket auditBucket(String id, RemovalPolicy removal) {
        Bucket bucket = Bucket.Builder.create(this, id)
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .transitions(List.of(Transition.builder().storageClass(StorageClass.GLACIER)
                                .transitionAfter(Duration.days(TRAIL_GLACIER_DAYS)).build()))
                        .expiration(Duration.days(TRAIL_EXPIRE_DAYS))
                        .noncurrentVersionExpiration(Duration.days(30))
                        .build()))
                .removalPolicy(removal)
                .build();
        NagSuppressions.addResourceSuppressions((CfnBucket) bucket.getNode().getDefaultChild(), List.of(
                suppression("AwsSolutions-S1", "An audit bucket written by an AWS service; CloudTrail records access to it, "
                        + "and access logs would need yet another bucket")));
        return bucket;
    }
}
