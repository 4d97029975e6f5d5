package dev.concierge.adapter.files;

import com.google.inject.AbstractModule;
import dev.concierge.domain.kernel.StoredFiles;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Binds {@link StoredFiles} to the store the settings name: a directory on a laptop, an S3 bucket in AWS. */
public final class FilesModule extends AbstractModule {
    private final FilesConfig config;

    public FilesModule(FilesConfig config) { this.config = config; }

    @Override protected void configure() {
        bind(StoredFiles.class).toInstance(switch (config.store()) {
            case LOCAL -> new DirectoryStoredFiles(config.directory());
            // The task role's credentials in ECS, a profile or environment variables elsewhere.
            case S3 -> new S3StoredFiles(config, DefaultCredentialsProvider.builder().build());
        });
    }
}
