package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.TestHttpServer.Answer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies a client got wrong are 4xx with the standard error body, and nothing is stored (issue 23): JSON in another
 * content type, text that is not strict UTF-8, unpaired surrogates, malformed multipart uploads, NUL in a CSV file,
 * and CSV the parser cannot read, told without the parser's own text.
 */
class StrictBodiesTest extends TestCaseGenerationHttpTest {
    private static final byte[] SUITE = "{\"name\":\"Login\"}".getBytes(StandardCharsets.UTF_8);

    @Test void a_json_body_sent_as_another_type_is_415_in_the_callers_language() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/xml", "text/json", "application/json; charset=iso-8859-1", "application/jsonp"}) {
            Answer answer = http.post("/api/suites", type, SUITE);
            assertThat(answer.status()).as(type).isEqualTo(415);
            assertThat(answer.errorCode()).as(type).isEqualTo("unsupported_media_type");
        }
        Answer japanese = http.send(http.request("/api/suites").header("Content-Type", "text/plain")
                .header("Accept-Language", "ja").POST(HttpRequest.BodyPublishers.ofByteArray(SUITE)));
        assertThat(japanese.json().at("/error/message").asText()).contains("application/json として送信");
        assertThat(useCases.suiteCount()).isZero();

        assertThat(http.post("/api/suites", "application/json; charset=UTF-8", SUITE).status()).isEqualTo(201);
    }

    @Test void overlong_utf8_and_encoded_surrogates_are_refused_not_decoded() {
        byte[] overlongSlash = bytes("{\"name\":\"a", 0xC0, 0xAF, "b\"}");
        byte[] encodedSurrogate = bytes("{\"name\":\"a", 0xED, 0xA0, 0x80, "b\"}");
        byte[] strayByte = bytes("{\"name\":\"a", 0xFF, "b\"}");

        for (byte[] body : new byte[][] {overlongSlash, encodedSurrogate, strayByte}) {
            Answer answer = http.post("/api/suites", "application/json", body);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo("invalid_encoding");
            assertThat(answer.json().at("/error/message").asText()).contains("byte 11");
        }
        assertThat(useCases.suiteCount()).isZero();
    }

    @Test void an_escaped_lone_surrogate_is_refused_naming_the_field() {
        Answer answer = http.post("/api/suites", "application/json", "{\"name\":\"a\\ud800b\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).contains("name");
        assertThat(http.post("/api/suites", "application/json", "{\"name\":\"\\ud83d\\ude00 pair\"}".getBytes(StandardCharsets.UTF_8))
                .status()).as("a real pair is a character").isEqualTo(201);
    }

    @Test void a_nul_in_a_csv_cell_is_refused_with_its_line_and_column() {
        long suite = createSuite("Login");
        byte[] csv = "key,title\nTC-1,Sign in\nTC-2,Sign\u0000out\n".getBytes(StandardCharsets.UTF_8);

        Answer answer = http.post("/api/suites/" + suite + "/imports", "text/csv", csv);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/message").asText()).contains("line 3, column 10");
        assertThat(useCases.caseCount()).isZero();
    }

    @Test void csv_the_parser_cannot_read_is_told_by_line_without_the_parsers_text() {
        long suite = createSuite("Login");

        Answer answer = http.post("/api/suites/" + suite + "/imports", "text/csv",
                "key,title\nTC-1,ok\nTC-2,\"never closed\n".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        String message = answer.json().at("/error/message").asText();
        assertThat(message).contains("line").doesNotContain("Exception").doesNotContain("EOF").doesNotContain("encapsulated")
                .doesNotContain("IOException");
    }

    @Test void multipart_without_a_boundary_or_cut_short_is_400() {
        long suite = createSuite("Login");
        byte[] part = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cases.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nkey,title\nTC-1,Sign in\n").getBytes(StandardCharsets.US_ASCII);

        Answer noBoundary = http.post("/api/suites/" + suite + "/imports", "multipart/form-data", part);
        Answer cutShort = http.post("/api/suites/" + suite + "/imports", "multipart/form-data; boundary=b", part);
        Answer noParts = http.post("/api/suites/" + suite + "/imports", "multipart/form-data; boundary=b",
                "garbage without any boundary line".getBytes(StandardCharsets.US_ASCII));

        for (Answer answer : new Answer[] {noBoundary, cutShort, noParts}) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo("invalid_request");
            assertThat(answer.text()).doesNotContain("Exception");
        }
        assertThat(useCases.caseCount()).isZero();
    }

    private static byte[] bytes(Object... pieces) {
        var out = new ByteArrayOutputStream();
        for (Object piece : pieces) {
            if (piece instanceof String text) out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
            else out.write((Integer) piece);
        }
        return out.toByteArray();
    }
}
