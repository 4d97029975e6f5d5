package dev.concierge.bootstrap;

import dev.concierge.adapter.http.HttpServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @Test void with_no_environment_every_setting_has_its_documented_default() {
        Settings settings = Settings.from(Map.of());

        assertThat(settings.host()).as("this machine only: AUTH_MODE=local trusts whoever connects").isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("./data"));
        assertThat(settings.embeddedDatabase()).isTrue();
        assertThat(settings.llm().ollamaBaseUrl()).hasToString("http://localhost:11434");
        assertThat(settings.localUser()).isEqualTo("local");
        assertThat(settings.logFormat()).isEqualTo(Settings.LogFormat.TEXT);
        assertThat(settings.accessLog()).isEqualTo(HttpServer.AccessLog.FAILURES);
        assertThat(settings.shutdownDrain()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test void every_bad_value_is_reported_at_once_naming_its_variable() {
        assertThatThrownBy(() -> Settings.from(Map.of("PORT", "eighty", "LLM_PROVIDER", "claude", "LOG_FORMAT", "xml",
                "ACCESS_LOG", "some", "OLLAMA_BASE_URL", "localhost:11434", "APP_TIME_ZONE", "Mars/Olympus")))
                .isInstanceOf(Settings.InvalidSettings.class)
                .hasMessageContaining("PORT: must be a whole number")
                .hasMessageContaining("LLM_PROVIDER: must be one of [ollama, openai], got 'claude'")
                .hasMessageContaining("LOG_FORMAT")
                .hasMessageContaining("ACCESS_LOG: must be one of [all, failures, off], got 'some'")
                .hasMessageContaining("OLLAMA_BASE_URL")
                .hasMessageContaining("APP_TIME_ZONE");
    }

    @Test void openai_without_a_key_is_refused_with_what_to_set() {
        assertThatThrownBy(() -> Settings.from(Map.of("LLM_PROVIDER", "openai")))
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test void an_openai_compatible_server_needs_no_key() {
        Settings settings = Settings.from(Map.of("LLM_PROVIDER", "openai", "OPENAI_BASE_URL", "http://127.0.0.1:8000/v1"));

        assertThat(settings.llm().model()).isEqualTo("gpt-4o-mini");
    }

    @Test void the_readme_documents_every_setting_with_its_default() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (Settings.Setting setting : Settings.ALL) {
            String row = readme.lines().filter(line -> line.startsWith("| `" + setting.name() + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError("README's settings table lacks " + setting.name()));
            if (setting.defaultValue() != null) assertThat(row).as(setting.name()).contains("`" + setting.defaultValue() + "`");
        }
    }

    @Test void oidc_mode_without_its_settings_is_refused_naming_each_one() {
        assertThatThrownBy(() -> Settings.from(Map.of("AUTH_MODE", "oidc", "SESSION_SECRET", "too short")))
                .isInstanceOf(Settings.InvalidSettings.class)
                .hasMessageContaining("OIDC_ISSUER: AUTH_MODE=oidc needs")
                .hasMessageContaining("OIDC_CLIENT_ID: AUTH_MODE=oidc needs")
                .hasMessageContaining("OIDC_CLIENT_SECRET: AUTH_MODE=oidc needs")
                .hasMessageContaining("PUBLIC_BASE_URL: AUTH_MODE=oidc needs")
                .hasMessageContaining("SESSION_SECRET: AUTH_MODE=oidc needs at least 32 bytes")
                .hasMessageNotContaining("too short");
    }

    @Test void oidc_mode_with_its_settings_starts_against_a_shared_database() {
        var identity = Settings.from(Map.of("AUTH_MODE", "oidc", "OIDC_ISSUER", "https://login.example.com/realms/c",
                "OIDC_CLIENT_ID", "concierge", "OIDC_CLIENT_SECRET", "s", "PUBLIC_BASE_URL", "http://concierge.corp.example",
                "SESSION_SECRET", "x".repeat(32), "DATABASE_URL", "postgresql://db.example.com/concierge")).identity();

        assertThat(identity.mode()).isEqualTo(Settings.AuthMode.OIDC);
        assertThat(identity.oidc()).hasValueSatisfying(o -> {
            assertThat(o.issuer()).hasToString("https://login.example.com/realms/c");
            assertThat(o.toString()).doesNotContain("xxxxxxxx");
        });
    }

    @Test void files_are_kept_under_the_data_directory_unless_a_directory_or_bucket_is_given() {
        var local = Settings.from(Map.of("DATA_DIR", "/var/lib/concierge")).files();
        assertThat(local.store()).isEqualTo(dev.concierge.adapter.files.FilesConfig.Store.LOCAL);
        assertThat(local.directory()).isEqualTo(Path.of("/var/lib/concierge/files"));

        var s3 = Settings.from(Map.of("FILES_STORE", "s3", "FILES_BUCKET", "concierge-dev-files", "FILES_PREFIX", "dev",
                "AWS_REGION", "ap-northeast-1")).files();
        assertThat(s3.bucket()).contains("concierge-dev-files");
        assertThat(s3.prefix()).isEqualTo("dev/");
        assertThat(s3.region()).contains("ap-northeast-1");
    }

    @Test void an_s3_file_store_without_its_bucket_or_region_is_refused_naming_both() {
        assertThatThrownBy(() -> Settings.from(Map.of("FILES_STORE", "s3")))
                .isInstanceOf(Settings.InvalidSettings.class)
                .hasMessageContaining("FILES_BUCKET: FILES_STORE=s3 needs")
                .hasMessageContaining("AWS_REGION: FILES_STORE=s3 needs");
        assertThatThrownBy(() -> Settings.from(Map.of("FILES_STORE", "s3", "FILES_BUCKET", "Not_A_Bucket", "AWS_REGION", "ap-northeast-1",
                "AWS_ENDPOINT_URL_S3", "localhost:9000")))
                .isInstanceOf(Settings.InvalidSettings.class)
                .hasMessageContaining("FILES_BUCKET: must be an S3 bucket name")
                .hasMessageContaining("AWS_ENDPOINT_URL_S3: must be an http(s) URL");
    }

    @Test void local_identity_against_a_remote_database_is_refused_saying_what_to_set() {
        assertThatThrownBy(() -> Settings.from(Map.of("DATABASE_URL", "postgresql://app:secret@db.example.com:5432/concierge")))
                .isInstanceOf(Settings.InvalidSettings.class)
                .hasMessageContaining("db.example.com")
                .hasMessageContaining("AUTH_MODE=oidc")
                .hasMessageContaining("ALLOW_LOCAL_AUTH_WITH_REMOTE_DATABASE=true")
                .hasMessageNotContaining("secret");
    }

    @Test void local_identity_against_a_remote_database_starts_when_explicitly_allowed() {
        Settings settings = Settings.from(Map.of("DATABASE_URL", "jdbc:postgresql://db.example.com/concierge",
                "ALLOW_LOCAL_AUTH_WITH_REMOTE_DATABASE", "true"));

        assertThat(settings.identity().mode()).isEqualTo(Settings.AuthMode.LOCAL);
    }

    @Test void local_identity_against_a_local_database_needs_nothing() {
        for (String url : new String[] {"jdbc:postgresql://localhost:5432/db", "postgresql://u:p@127.0.0.1/db",
                "jdbc:postgresql://[::1]:5432/db", "jdbc:postgresql:db"}) {
            assertThat(Settings.from(Map.of("DATABASE_URL", url)).identity().mode()).as(url).isEqualTo(Settings.AuthMode.LOCAL);
        }
    }

    @Test void any_remote_host_of_a_multi_host_url_counts_as_remote() {
        assertThat(Settings.remoteHost("jdbc:postgresql://localhost:5432,replica.internal:5432/db")).contains("replica.internal");
    }

    @Test void alb_identity_needs_the_signer_and_a_region_or_key_url() {
        assertThatThrownBy(() -> Settings.from(Map.of("AUTH_MODE", "alb")))
                .hasMessageContaining("ALB_SIGNER_ARN")
                .hasMessageContaining("AWS_REGION");
    }

    @Test void alb_identity_fetches_keys_from_the_regions_endpoint() {
        Settings settings = Settings.from(Map.of("AUTH_MODE", "alb", "ALB_SIGNER_ARN", "arn:aws:elasticloadbalancing:x",
                "AWS_REGION", "ap-northeast-1", "DATABASE_URL", "postgresql://db.example.com/concierge"));

        assertThat(settings.identity().albPublicKeyUrl()).contains(java.net.URI.create("https://public-keys.auth.elb.ap-northeast-1.amazonaws.com"));
        assertThat(settings.identity().groupsClaim()).isEqualTo("groups");
    }

    @Test void the_role_is_all_by_default_and_web_or_worker_when_asked() {
        assertThat(Settings.from(Map.of()).role()).isEqualTo(Settings.Role.ALL);
        assertThat(Settings.from(Map.of("ROLE", "web")).role().runsGenerationWorkers()).isFalse();
        assertThat(Settings.from(Map.of("ROLE", "worker")).role().servesUsers()).isFalse();
        assertThatThrownBy(() -> Settings.from(Map.of("ROLE", "api")))
                .hasMessageContaining("ROLE: must be one of [all, web, worker], got 'api'");
    }

    @Test void a_worker_without_workers_is_refused() {
        assertThatThrownBy(() -> Settings.from(Map.of("ROLE", "worker", "GENERATION_CONCURRENCY", "0")))
                .hasMessageContaining("GENERATION_CONCURRENCY: is 0 while ROLE=worker");
    }

    @Test void queue_metrics_are_off_until_a_namespace_is_given() {
        assertThat(Settings.from(Map.of()).queueMetrics()).isEmpty();
        Settings settings = Settings.from(Map.of("QUEUE_METRICS_NAMESPACE", "Concierge/dev"));

        assertThat(settings.queueMetrics()).contains(new Settings.QueueMetrics("Concierge/dev", Duration.ofSeconds(60)));
        assertThatThrownBy(() -> Settings.from(Map.of("QUEUE_METRICS_NAMESPACE", "AWS/ECS", "QUEUE_METRICS_INTERVAL_SECONDS", "0")))
                .hasMessageContaining("QUEUE_METRICS_NAMESPACE: must be")
                .hasMessageContaining("QUEUE_METRICS_INTERVAL_SECONDS: must be a whole number from 1 to 3600");
        assertThatThrownBy(() -> Settings.from(Map.of("QUEUE_METRICS_NAMESPACE", "Concierge dev")))
                .hasMessageContaining("QUEUE_METRICS_NAMESPACE");
    }

    @Test void migration_credentials_need_a_server_and_the_application_roles_own_name_and_password() {
        assertThatThrownBy(() -> Settings.from(Map.of("DATABASE_MIGRATION_USER", "postgres")))
                .hasMessageContaining("DATABASE_MIGRATION_USER: needs DATABASE_URL")
                .hasMessageContaining("DATABASE_USER, DATABASE_PASSWORD");
        assertThatThrownBy(() -> Settings.from(Map.of("DATABASE_URL", "jdbc:postgresql://localhost/db", "DATABASE_MIGRATION_USER", "postgres",
                "DATABASE_USER", "postgres", "DATABASE_PASSWORD", "x")))
                .hasMessageContaining("DATABASE_USER: is the same as DATABASE_MIGRATION_USER");
        assertThatThrownBy(() -> Settings.from(Map.of("DATABASE_MIGRATION_PASSWORD", "secret")))
                .hasMessageContaining("DATABASE_MIGRATION_USER: is unset")
                .hasMessageNotContaining("secret'");

        Settings settings = Settings.from(Map.of("DATABASE_URL", "jdbc:postgresql://localhost/db", "DATABASE_MIGRATION_USER", "postgres",
                "DATABASE_MIGRATION_PASSWORD", "owner secret", "DATABASE_USER", "concierge_app", "DATABASE_PASSWORD", "app secret"));
        assertThat(settings.databaseMigration()).contains(new Settings.DatabaseOwner("postgres", java.util.Optional.of("owner secret")));
        assertThat(settings.databaseMigration().orElseThrow().toString()).doesNotContain("owner secret");
    }
}
