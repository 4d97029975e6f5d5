package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a suite as a file in an export format (CSV, Markdown, XLSX), streaming the cases as they come; headers and
 * display values (priorities, states) in {@code language}, what people wrote as written.
 */
public interface SuiteDocuments {
    String contentType(ExportFormat format);

    void write(SuiteExport export, ExportFormat format, Language language, OutputStream out) throws IOException;
}
