package dev.concierge.bootstrap.testcasegeneration;

import com.google.inject.Module;
import dev.concierge.adapter.files.FilesConfig;
import dev.concierge.adapter.files.FilesModule;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;
import dev.concierge.domain.testcasegeneration.port.out.SuiteDocuments;

import java.io.OutputStream;
import java.nio.file.Path;

/** For injectors built from the test-case generation module alone (no HTTP adapter): a file store and an export writer nobody uses. */
final class WithoutExports {
    private WithoutExports() {}

    static final Module MODULE = binder -> {
        binder.install(new FilesModule(FilesConfig.local(Path.of(System.getProperty("java.io.tmpdir"), "concierge-unused-files"))));
        binder.bind(SuiteDocuments.class).toInstance(new SuiteDocuments() {
            @Override public String contentType(ExportFormat format) { return "application/octet-stream"; }

            @Override public void write(SuiteExport export, ExportFormat format, Language language, OutputStream out) {
                throw new UnsupportedOperationException("no exports in this test");
            }
        });
    };
}
