package dev.concierge.adapter.files;

import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.FilesUnavailable;
import dev.concierge.domain.kernel.StoredFiles;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 adapter against S3Proxy, a local server speaking the S3 protocol, keeping objects in a directory. Requests
 * are signed (SigV4) and checked by the server, as S3 does.
 */
class S3StoredFilesTest extends StoredFilesContract {
    private static final String ACCESS_KEY = "concierge-test";
    private static final String SECRET_KEY = "concierge-test-secret";
    private static final String BUCKET = "concierge-files";

    @TempDir static Path backend;
    private static S3Proxy server;
    private static URI endpoint;
    private static S3StoredFiles store;

    @BeforeAll static void startServer() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", backend.toString());
        server = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", properties))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        server.start();
        while (!server.getState().equals("STARTED")) Thread.sleep(10);
        endpoint = URI.create("http://127.0.0.1:" + server.getPort());
        java.nio.file.Files.createDirectories(backend.resolve(BUCKET)); // the filesystem backend's bucket is a directory
        store = s3(BUCKET, "dev/", ACCESS_KEY, SECRET_KEY);
    }

    @AfterAll static void stopServer() throws Exception {
        store.close();
        server.stop();
    }

    @Override StoredFiles store() { return store; }

    private static S3StoredFiles s3(String bucket, String prefix, String accessKey, String secretKey) {
        FilesConfig config = new FilesConfig(FilesConfig.Store.S3, Path.of("unused"), Optional.of(bucket), prefix,
                Optional.of(endpoint), Optional.of("ap-northeast-1"));
        return new S3StoredFiles(config, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    }

    @Test void a_file_is_kept_in_the_bucket_under_the_prefix() throws IOException {
        store.write(new FileKey("exports/suite-7/b.md"), "text/markdown", out -> out.write("# b".getBytes(StandardCharsets.UTF_8)));

        assertThat(backend.resolve(BUCKET).resolve("dev/exports/suite-7/b.md")).hasContent("# b");
    }

    @Test void a_bucket_that_does_not_exist_is_reported_naming_the_setting() {
        try (S3StoredFiles missing = s3("no-such-bucket", "", ACCESS_KEY, SECRET_KEY)) {
            assertThatThrownBy(() -> missing.write(new FileKey("a.csv"), "text/csv", out -> out.write(1)))
                    .isInstanceOf(FilesUnavailable.class).hasMessageContaining("no-such-bucket").hasMessageContaining("FILES_BUCKET");
        }
    }

    @Test void credentials_the_server_refuses_are_reported_with_the_permissions_needed() {
        try (S3StoredFiles refused = s3(BUCKET, "", ACCESS_KEY, "wrong-secret")) {
            assertThatThrownBy(() -> refused.read(new FileKey("a.csv")))
                    .isInstanceOf(FilesUnavailable.class).hasMessageContaining("s3:GetObject");
        }
    }
}
