package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.CaseRef;
import dev.concierge.domain.testcasegeneration.model.CoverageMatrix;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The coverage matrix as an XLSX workbook in the reader's language: one row per requirement × criterion with its
 * state, the cases verifying it and which of them are stale; uncovered criteria filled red, stale ones yellow; a
 * second sheet lists the cases that trace to no requirement.
 */
final class CoverageWorkbook {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> COLUMNS = List.of("reference", "requirement", "criterion", "criterionText", "state", "cases", "staleCases");

    private CoverageWorkbook() {}

    static void write(CoverageMatrix matrix, TestCaseGenerationTexts texts, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Concierge", "1.0");
        Worksheet sheet = workbook.newWorksheet(texts.t("tcg.coverage.sheet"));
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.value(0, c, texts.t("tcg.coverage.column." + COLUMNS.get(c)));
            sheet.style(0, c).bold().fillColor("DDDDDD").set();
        }
        double[] widths = {14, 30, 10, 50, 14, 40, 30};
        for (int c = 0; c < widths.length; c++) sheet.width(c, widths[c]);
        sheet.freezePane(0, 1);
        int r = 1;
        for (CoverageMatrix.Row row : matrix.rows()) {
            sheet.inlineString(r, 0, row.requirement().reference());
            sheet.inlineString(r, 1, SuiteExportWriter.notAFormula(row.requirement().content().title()));
            sheet.inlineString(r, 2, row.criterion().code());
            sheet.inlineString(r, 3, SuiteExportWriter.notAFormula(row.criterion().text()));
            sheet.inlineString(r, 4, texts.t("tcg.coverage.state." + row.state().wireName()));
            sheet.inlineString(r, 5, row.cases().stream().map(c -> c.testCase().key().value() + " (" + texts.status(c.testCase().status()) + ")")
                    .collect(Collectors.joining(", ")));
            sheet.inlineString(r, 6, row.cases().stream().filter(CoverageMatrix.CoveringCase::stale).map(c -> c.testCase().key().value())
                    .collect(Collectors.joining(", ")));
            if (row.state() == CoverageMatrix.State.UNCOVERED) sheet.style(r, 4).fillColor("F4CCCC").set();
            if (row.state() == CoverageMatrix.State.STALE) sheet.style(r, 4).fillColor("FFF2CC").set();
            r++;
        }
        sheet.finish();
        Worksheet untraced = workbook.newWorksheet(texts.t("tcg.coverage.untracedSheet"));
        untraced.value(0, 0, texts.t("tcg.export.column.key"));
        untraced.value(0, 1, texts.t("tcg.export.column.title"));
        untraced.value(0, 2, texts.t("tcg.export.column.status"));
        untraced.width(1, 50);
        int u = 1;
        for (CaseRef c : matrix.untraced()) {
            untraced.inlineString(u, 0, c.key().value());
            untraced.inlineString(u, 1, SuiteExportWriter.notAFormula(c.title()));
            untraced.inlineString(u, 2, texts.status(c.status()));
            u++;
        }
        if (matrix.untracedCount() > matrix.untraced().size()) untraced.inlineString(u, 0, texts.t("tcg.coverage.untracedMore", matrix.untracedCount()));
        untraced.finish();
        workbook.finish();
    }
}
