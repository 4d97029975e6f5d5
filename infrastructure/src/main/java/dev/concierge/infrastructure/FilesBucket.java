package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;

import java.util.List;

import static dev.concierge.infrastructure.DataStack.suppression;

/**
 * Where the app keeps exports and the original of every import ({@code FILES_STORE=s3}, seed 001: generated files in
 * S3): encrypted, never public, TLS only, versioned so an overwritten or deleted file can be recovered for
 * {@link #NONCURRENT_VERSION_DAYS} days; access is logged to a second bucket.
 */
public final class FilesBucket extends Construct {
    public static final int NONCURRENT_VERSION_DAYS = 30;
    public static final int INCOMPLETE_UPLOAD_DAYS = 1;

    private final Bucket bucket;

    public FilesBucket(Construct scope, String id, DeploymentProfile profile) {
        super(scope, id);
        RemovalPolicy removal = profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED) // the only encryption S3 server access logging delivers to
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(profile.auditLogDays())).build()))
                .removalPolicy(removal)
                .autoDeleteObjects(false)
                .build();
        NagSuppressions.addResourceSuppressions(accessLogs, List.of(suppression("AwsSolutions-S1",
                "This bucket holds the files bucket's access logs; logging access to it would need yet another bucket")));
        bucket = Bucket.Builder.create(this, "Files")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("files/")
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .noncurrentVersionExpiration(Duration.days(NONCURRENT_VERSION_DAYS))
                        .abortIncompleteMultipartUploadAfter(Duration.days(INCOMPLETE_UPLOAD_DAYS))
                        .build()))
                .removalPolicy(removal)
                .build();
    }

    public Bucket bucket() { return bucket; }
}
