package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.RevisionKind;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 10,000-case suite streams out: the cases are made one at a time (as the export reads them page by page) and most
 * of the file has left the writer before the last case exists, so no format holds the whole suite in memory.
 */
class SuiteExportWriterStreamingTest {
    private static final int CASES = 10_000;
    private static final Instant AT = Instant.parse("2026-12-07T03:00:00Z");
    private static final Suite SUITE = new Suite(new SuiteId(1), "Large", "", "qa", new UserId("alice"), AT);

    /** Counts the bytes written and notes how many had gone out when the last case was made. */
    static final class CountingStream extends OutputStream {
        final AtomicLong bytes = new AtomicLong();

        @Override public void write(int b) { bytes.incrementAndGet(); }

        @Override public void write(byte[] b, int off, int len) { bytes.addAndGet(len); }
    }

    private static TestCase generatedCase(int i) {
        var content = new TestCaseContent(new TestCaseKey("TC-%05d".formatted(i)), "Case " + i + " — ログインできる",
                "Alice has an account", "The dashboard is shown", "REQ-" + i, "利用者はパスワードでログインできる。".repeat(5),
                Priority.MEDIUM, List.of("login"));
        var procedure = new ProcedureRevision(1, new Procedure(List.of(new Step("Open the login page " + i, "The form is shown"),
                new Step("Sign in as alice", "The dashboard is shown", Optional.of("alice / secret")))),
                RevisionKind.GENERATED, Optional.empty(), AT, new dev.concierge.domain.testcasegeneration.model.RevisionChange(true, 2, List.of(), 0, List.of(), 0));
        return new TestCase(new TestCaseId(i), SUITE.id(), content, CaseStatus.GENERATED, Optional.of(procedure),
                Optional.empty(), Optional.empty(), 1, AT);
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void a_ten_thousand_case_suite_is_written_while_its_cases_are_still_being_read(ExportFormat format) throws IOException {
        CountingStream out = new CountingStream();
        long[] writtenBeforeLastCase = {-1};
        SuiteExport export = new SuiteExport(SUITE, CASES, action -> {
            for (int i = 1; i <= CASES; i++) {
                if (i == CASES) writtenBeforeLastCase[0] = out.bytes.get();
                action.accept(generatedCase(i));
            }
        });

        new SuiteExportWriter().write(export, format, Language.JA, out);

        long total = out.bytes.get();
        assertThat(total).isGreaterThan(500_000);
        // Buffers (64 KiB of text, 500 XLSX rows, the zip deflater) hold a sliver; everything else is already out.
        assertThat(writtenBeforeLastCase[0]).as("bytes out before the last case was read, of %d", total).isGreaterThan(total * 9 / 10);
    }

    @org.junit.jupiter.api.Test
    void a_streamed_xlsx_of_ten_thousand_cases_reads_back_whole() throws Exception {
        SuiteExport export = new SuiteExport(SUITE, CASES, action -> {
            for (int i = 1; i <= CASES; i++) action.accept(generatedCase(i));
        });
        try (PipedInputStream in = new PipedInputStream(1 << 16); PipedOutputStream pipe = new PipedOutputStream(in)) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try (pipe) {
                    new SuiteExportWriter().write(export, ExportFormat.XLSX, Language.JA, pipe);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
                assertThat(workbook.getFirstSheet().openStream().count()).isEqualTo(1 + 2L * CASES);
            }
            writer.join();
        }
    }
}
