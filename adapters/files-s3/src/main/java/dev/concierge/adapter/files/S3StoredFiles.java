package dev.concierge.adapter.files;

import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.FilesUnavailable;
import dev.concierge.domain.kernel.StoredFile;
import dev.concierge.domain.kernel.StoredFiles;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Files in an S3 bucket ({@code FILES_BUCKET}, keys under {@code FILES_PREFIX}) with the AWS SDK v2 over the JDK's
 * URLConnection. A file is first spooled to a temporary file, so an export of any size keeps memory flat and is
 * uploaded with a known length in one PUT (up to S3's 5 GiB for one request, far beyond any suite).
 */
final class S3StoredFiles implements StoredFiles, AutoCloseable {
    private final S3Client client;
    private final String bucket;
    private final String prefix;

    S3StoredFiles(FilesConfig config, AwsCredentialsProvider credentials) {
        this.bucket = config.bucket().orElseThrow();
        this.prefix = config.prefix();
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)))
                .credentialsProvider(credentials)
                // Another endpoint is a local server or an S3-compatible store: the bucket goes in the path, since
                // bucket.localhost does not resolve. AWS itself keeps virtual-hosted addressing.
                .forcePathStyle(config.endpoint().isPresent())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(5)).retryStrategy(RetryMode.STANDARD));
        config.region().map(Region::of).ifPresentOrElse(builder::region, () -> {
            if (config.endpoint().isPresent()) builder.region(Region.US_EAST_1); // a local server ignores it
        });
        config.endpoint().ifPresent(builder::endpointOverride);
        this.client = builder.build();
    }

    @Override public long write(FileKey key, String contentType, Content content) {
        Path spool;
        try {
            spool = Files.createTempFile("concierge-upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary file to spool an upload to", e);
        }
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024)) {
                content.writeTo(out);
            }
            long size = Files.size(spool);
            client.putObject(request -> request.bucket(bucket).key(objectKey(key)).contentType(contentType).contentLength(size),
                    RequestBody.fromFile(spool));
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + key, e);
        } catch (SdkException e) {
            throw unavailable("cannot write " + key, e);
        } finally {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException ignored) {
                // the temporary directory is cleaned by the system
            }
        }
    }

    @Override public Optional<StoredFile> read(FileKey key) {
        try {
            var response = client.getObject(request -> request.bucket(bucket).key(objectKey(key)));
            return Optional.of(new StoredFile(key, response.response().contentLength(), response));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("cannot read " + key, e);
        }
    }

    @Override public void delete(FileKey key) {
        try {
            client.deleteObject(request -> request.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw unavailable("cannot delete " + key, e);
        }
    }

    String objectKey(FileKey key) { return prefix + key.value(); }

    private FilesUnavailable unavailable(String what, SdkException e) {
        String reason = e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                ? s3.awsErrorDetails().errorCode() + ": " + s3.awsErrorDetails().errorMessage()
                : e.getMessage();
        String hint = e instanceof S3Exception s3 && s3.statusCode() == 403
                ? " The task role needs s3:GetObject, s3:PutObject and s3:DeleteObject on it."
                : e instanceof S3Exception s3 && "NoSuchBucket".equals(s3.awsErrorDetails().errorCode())
                ? " Check FILES_BUCKET." : "";
        return new FilesUnavailable("The file store (S3 bucket " + bucket + ") " + what + ": " + reason + "." + hint);
    }

    @Override public void close() { client.close(); }
}
