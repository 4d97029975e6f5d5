package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.BadRequest;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.NewRequirement;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Requirements files as teams keep them: CSV and XLSX with English or Japanese headers, Markdown. */
class RequirementFileReaderTest {

    private static List<NewRequirement> read(String text, RequirementFileReader.Format format) {
        return RequirementFileReader.read(text.getBytes(StandardCharsets.UTF_8), format);
    }

    private static List<String> criteria(NewRequirement r) {
        return r.criteria().stream().map(c -> c.code() + "=" + c.text()).toList();
    }

    @Test void a_japanese_csv_with_one_criterion_per_line_of_a_cell() {
        var read = RequirementFileReader.read(("要件ID,要件名,説明,受け入れ基準\r\n"
                + "REQ-1,ログイン,メールとパスワードで入る,\"AC1: 正しいパスワードで入れる\r\nAC2: 5回失敗でロック\"\r\n"
                + "REQ-2,ログアウト,,どの画面からでもログアウトできる\r\n").getBytes(Charset.forName("windows-31j")), RequirementFileReader.Format.CSV);

        assertThat(read).extracting(NewRequirement::reference).containsExactly("REQ-1", "REQ-2");
        assertThat(read.getFirst().title()).isEqualTo("ログイン");
        assertThat(read.getFirst().description()).isEqualTo("メールとパスワードで入る");
        assertThat(criteria(read.getFirst())).containsExactly("AC1=正しいパスワードで入れる", "AC2=5回失敗でロック");
        assertThat(criteria(read.get(1))).containsExactly("AC1=どの画面からでもログアウトできる");
    }

    @Test void an_english_csv_with_a_row_per_criterion_and_its_id() {
        var read = read("""
                Requirement ID,Title,Acceptance criteria,Criterion ID
                REQ-7,Search,Finds by title,S1
                REQ-7,,Finds by tag,S2
                """, RequirementFileReader.Format.CSV);

        assertThat(read).hasSize(1);
        assertThat(read.getFirst().title()).isEqualTo("Search");
        assertThat(criteria(read.getFirst())).containsExactly("S1=Finds by title", "S2=Finds by tag");
    }

    @Test void an_xlsx_workbook_reads_like_the_csv() throws IOException {
        var bytes = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(bytes, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("要件");
        List<List<String>> rows = List.of(List.of("要件ID", "要件名", "受け入れ基準"),
                List.of("REQ-1", "ログイン", "・正しいパスワードで入れる\n・5回失敗でロック"));
        for (int r = 0; r < rows.size(); r++) for (int c = 0; c < rows.get(r).size(); c++) sheet.value(r, c, rows.get(r).get(c));
        sheet.finish();
        workbook.finish();

        var read = RequirementFileReader.read(bytes.toByteArray(), RequirementFileReader.Format.of("requirements.xlsx", "", bytes.toByteArray()));

        assertThat(criteria(read.getFirst())).containsExactly("AC1=正しいパスワードで入れる", "AC2=5回失敗でロック");
    }

    @Test void markdown_headings_start_requirements_and_list_items_are_criteria() {
        var read = read("""
                # Requirements of the shop

                ## REQ-1: Checkout
                Customers pay for their cart.

                ### Acceptance criteria
                1. Card payments succeed
                2. AC7: An expired card is refused

                ## REQ-2 Returns
                - Items come back within 30 days
                """, RequirementFileReader.Format.of("shop.md", "", new byte[0]));

        assertThat(read).extracting(NewRequirement::reference).containsExactly("REQ-1", "REQ-2");
        assertThat(read.getFirst().description()).isEqualTo("Customers pay for their cart.");
        assertThat(criteria(read.getFirst())).containsExactly("AC1=Card payments succeed", "AC7=An expired card is refused");
        assertThat(read.get(1).criteria()).extracting(AcceptanceCriterion::text).containsExactly("Items come back within 30 days");
    }

    @Test void every_problem_of_every_requirement_is_reported_and_nothing_is_read() {
        var refused = catchThrowableOfType(BadRequest.class, () -> read("""
                id,title,acceptance criteria
                REQ 1,Bad reference,x
                REQ-2,,
                """, RequirementFileReader.Format.CSV));

        assertThat(refused.details()).extracting(FieldError::field)
                .containsExactly("requirements[0].reference", "requirements[1].title", "requirements[1].criteria");
    }

    @Test void a_file_without_the_needed_columns_or_any_requirement_says_so() {
        assertThat(catchThrowableOfType(BadRequest.class, () -> read("title,criteria\nA,b\n", RequirementFileReader.Format.CSV)).details())
                .extracting(FieldError::code).containsExactly("missing_column");
        assertThat(catchThrowableOfType(BadRequest.class, () -> read("# Only a title\n", RequirementFileReader.Format.MARKDOWN)).details())
                .extracting(FieldError::code).containsExactly("no_requirements");
        assertThat(catchThrowableOfType(BadRequest.class, () -> RequirementFileReader.read(new byte[] {'P', 'K', 3, 4, 0},
                RequirementFileReader.Format.XLSX)).details()).extracting(FieldError::code).containsExactly("not_xlsx");
    }
}
