package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.TestHttpServer.Answer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ImportApiTest extends TestCaseGenerationHttpTest {
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final String ENGLISH = """
            Key,Title,Preconditions,Expected Result,Requirement Reference,Requirement Text,Priority,Tags
            TC-001,Sign in,"A user ""alice"" exists",The dashboard opens,REQ-1,"Users sign in
            with a password",high,"login, smoke"
            TC-002,Sign out,Signed in,The login page is shown,REQ-2,Users sign out,,
            """;

    @Test void a_utf8_file_imports_every_row_with_its_fields() {
        long suite = createSuite("Login");

        Answer answer = http.post("/api/suites/" + suite + "/imports", "text/csv", ENGLISH.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get("created").asInt()).isEqualTo(2);
        var cases = http.get("/api/suites/" + suite + "/test-cases").json().get("items");
        var first = cases.get(0);
        assertThat(first.get("key").asText()).isEqualTo("TC-001");
        assertThat(first.get("preconditions").asText()).isEqualTo("A user \"alice\" exists");
        assertThat(first.get("requirementText").asText()).isEqualTo("Users sign in\nwith a password");
        assertThat(first.get("priority").asText()).isEqualTo("high");
        assertThat(first.get("tags").toString()).isEqualTo("[\"login\",\"smoke\"]");
        assertThat(cases.get(1).get("priority").asText()).isEqualTo("medium");
    }

    @Test void a_utf8_file_with_a_byte_order_mark_reads_its_first_header() {
        long suite = createSuite("Login");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        Answer answer = http.post("/api/suites/" + suite + "/imports", "text/csv", concat(bom, ENGLISH.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(http.get("/api/suites/" + suite + "/test-cases").json().get("items").get(0).get("key").asText()).isEqualTo("TC-001");
    }

    @Test void a_shift_jis_file_from_excel_with_japanese_headers_is_uploaded_as_a_form() {
        long suite = createSuite("ログイン");
        String csv = "キー,タイトル,前提条件,期待結果,要件ID,要件,優先度,タグ\r\n"
                + "TC-101,ログインできる,ユーザー登録済み,ダッシュボードが表示される,REQ-10,利用者はパスワードでログインできる,高,ログイン、スモーク\r\n"
                + "TC-102,ログアウトできる,ログイン済み,ログイン画面に戻る,REQ-11,利用者はログアウトできる,低,\r\n";

        Answer answer = upload(suite, csv.getBytes(WINDOWS_31J));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        var first = http.get("/api/suites/" + suite + "/test-cases").json().get("items").get(0);
        assertThat(first.get("title").asText()).isEqualTo("ログインできる");
        assertThat(first.get("requirementReference").asText()).isEqualTo("REQ-10");
        assertThat(first.get("requirementText").asText()).isEqualTo("利用者はパスワードでログインできる");
        assertThat(first.get("priority").asText()).isEqualTo("high");
        assertThat(first.get("tags").toString()).isEqualTo("[\"ログイン\",\"スモーク\"]");
        assertThat(first.get("language").asText()).isEqualTo("ja");
    }

    @Test void importing_the_same_file_again_creates_no_duplicates() {
        long suite = createSuite("Login");
        http.post("/api/suites/" + suite + "/imports", "text/csv", ENGLISH.getBytes(StandardCharsets.UTF_8));

        Answer again = http.post("/api/suites/" + suite + "/imports", "text/csv", ENGLISH.getBytes(StandardCharsets.UTF_8));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(http.get("/api/suites/" + suite + "/test-cases").json().get("total").asInt()).isEqualTo(2);
        String changed = ENGLISH.replace("Sign out,Signed in", "Sign out everywhere,Signed in");
        Answer update = http.post("/api/suites/" + suite + "/imports", "text/csv", changed.getBytes(StandardCharsets.UTF_8));
        assertThat(update.json().get("updated").asInt()).isEqualTo(1);
        assertThat(http.get("/api/suites/" + suite + "/test-cases").json().get("total").asInt()).isEqualTo(2);
    }

    @Test void a_file_without_a_title_column_is_refused_naming_the_column() {
        long suite = createSuite("Login");

        Answer answer = http.post("/api/suites/" + suite + "/imports", "text/csv", "key,priority\nTC-1,high\n".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("header");
        assertThat(answer.json().get("error").get("details").get(0).get("message").asText()).contains("title");
        assertThat(useCases.caseCount()).isZero();
    }

    @Test void a_file_with_bad_rows_imports_nothing_and_lists_every_problem_by_row() {
        long suite = createSuite("Login");
        String csv = """
                key,title,priority
                TC-1,Fine,low
                TC-2,Bad priority,urgent
                TC-1,Repeated key,high
                TC-4,,medium
                """;

        Answer answer = http.post("/api/suites/" + suite + "/imports", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_request");
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("line 3: priority", "line 4: key", "line 5: title");
        assertThat(useCases.caseCount()).isZero();
    }

    @Test void a_row_with_more_values_than_the_header_imports_nothing_rather_than_drop_what_lies_past_it() {
        long suite = createSuite("ログイン");
        String csv = """
                キー,タイトル,優先度,タグ
                LOGIN-001,ログインできる,高,ログイン
                LOGIN-002,正しいパスワードでログインできる,高,ログイン,スモーク
                LOGIN-003,空欄が後ろに続く行,中,ログイン,,
                """;

        Answer answer = http.send(http.request("/api/suites/" + suite + "/imports").header("Accept-Language", "ja")
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("line 3: values");
        assertThat(answer.json().at("/error/message").asText())
                .contains("3 行目の値", "5 個あり、見出しの 4 列より多くなっています", "カンマを含む値は \"…\" で囲んでください");
        assertThat(useCases.caseCount()).isZero();
    }

    @Test void empty_unreadable_and_wrongly_sent_files_are_400_and_unknown_suites_404() {
        long suite = createSuite("Login");

        assertThat(http.post("/api/suites/" + suite + "/imports", "text/csv", new byte[0]).errorFields()).contains("file");
        assertThat(http.post("/api/suites/" + suite + "/imports", "text/csv", "key,title\n".getBytes(StandardCharsets.UTF_8)).errorFields()).contains("file");
        assertThat(http.post("/api/suites/" + suite + "/imports", "text/csv", "key,title\nTC-1,\"never closed\n".getBytes(StandardCharsets.UTF_8))
                .errorFields()).contains("file");
        assertThat(http.post("/api/suites/" + suite + "/imports", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(http.post("/api/suites/999/imports", "text/csv", ENGLISH.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
        assertThat(useCases.caseCount()).isZero();
    }

    @Test void a_file_over_the_size_limit_is_refused_before_it_is_read() {
        long suite = createSuite("Login");
        byte[] huge = ("key,title\n" + "TC-1,x\n".repeat(TestCaseGenerationRoutes.MAX_IMPORT_BYTES / 7 + 1)).getBytes(StandardCharsets.UTF_8);

        Answer answer = http.post("/api/suites/" + suite + "/imports", "text/csv", huge);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("file_too_large");
        assertThat(useCases.caseCount()).isZero();
    }

    private Answer upload(long suite, byte[] file) {
        String boundary = "----concierge" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cases.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return http.send(http.request("/api/suites/" + suite + "/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(concat(head, file, tail))));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
