package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ActualExpenseApiTest {
    private final TripSupportServer server = new TripSupportServer();
    private final long trip = server.createTrip();

    @AfterEach void stop() { server.close(); }

    long record(String json) {
        var created = server.post("/api/trips/" + trip + "/actual-expenses", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return server.json(created).path("id").asLong();
    }

    HttpResponse<byte[]> raw(String method, String path, byte[] body, String type, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", language)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) request.header("Content-Type", type);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test void an_expense_with_its_receipt_is_compared_and_flagged_in_the_report() throws Exception {
        long hotel = record("""
                {"spentOn":"2026-12-02","category":"lodging","description":"Hotel Umeda","city":"Osaka","amount":32000,"nights":2}""");
        long taxi = record("""
                {"spentOn":"2026-12-01","category":"transport","description":"Taxi","amount":2400}""");
        byte[] photo = "JPEG bytes of a receipt".getBytes(StandardCharsets.UTF_8);

        var attached = raw("PUT", "/api/actual-expenses/" + hotel + "/receipt?name=hotel.jpg", photo, "image/jpeg", "en");
        assertThat(attached.statusCode()).as(new String(attached.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        var download = raw("GET", "/api/actual-expenses/" + hotel + "/receipt", null, null, "en");
        assertThat(download.body()).isEqualTo(photo);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));

        JsonNode report = server.json(server.sendWithLanguage("GET", "/api/trips/" + trip + "/expense-report", "ja"));
        assertThat(report.path("actualTotal").asLong()).isEqualTo(34_400);
        List<String> flags = report.path("flags").findValuesAsText("code");
        assertThat(flags).contains("lodging_over_cap", "missing_receipt").doesNotContain("outside_trip");
        assertThat(report.path("flags").findValuesAsText("message")).anyMatch(m -> m.contains("上限") && m.contains("¥16,000"))
                .anyMatch(m -> m.contains("Taxi") && m.contains("領収書"));
        assertThat(report.path("expenses").get(1).path("receipt").path("name").asText()).isEqualTo("hotel.jpg");
        assertThat(taxi).isPositive();
    }

    @Test void the_report_downloads_as_a_workbook_in_the_readers_language() throws Exception {
        record("""
                {"spentOn":"2026-12-01","category":"other","description":"Gifts","amount":5000}""");

        var xlsx = raw("GET", "/api/trips/" + trip + "/expense-report/xlsx", null, null, "ja");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).contains(ExpenseReportXlsx.CONTENT_TYPE);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(s -> s.getName()).containsExactly("見積と実績", "経費");
            List<Row> expenses = sheets.get(1).read();
            assertThat(expenses.get(0).getCellText(0)).isEqualTo("日付");
            assertThat(expenses.get(1).getCellText(2)).isEqualTo("Gifts");
            assertThat(expenses.get(1).getCell(4).asNumber().longValue()).isEqualTo(5000);
            assertThat(expenses.get(1).getCellText(7)).contains("領収書がありません");
            String comparison = sheets.get(0).read().stream().map(r -> r.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("|")))
                    .collect(Collectors.joining("\n"));
            assertThat(comparison).contains("Osaka customers", "合計", "見積にない経費: Gifts");
        }
    }

    @Test void filing_freezes_the_expenses() {
        long gifts = record("""
                {"spentOn":"2026-12-01","category":"other","description":"Gifts","amount":5000}""");

        var filed = server.post("/api/trips/" + trip + "/expense-report/file", null);
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(server.json(filed).path("filedAt").asText()).startsWith("2026-11-23T10:00");

        server.assertError(server.post("/api/trips/" + trip + "/actual-expenses", """
                {"spentOn":"2026-12-01","category":"other","description":"More","amount":1}"""), 422, "report_filed");
        server.assertError(server.delete("/api/actual-expenses/" + gifts), 422, "report_filed");
        server.assertError(server.post("/api/trips/" + trip + "/expense-report/file", null), 422, "report_filed");
    }

    @Test void wrong_input_is_400_and_another_users_expense_404() throws Exception {
        JsonNode error = server.assertError(server.post("/api/trips/" + trip + "/actual-expenses", """
                {"spentOn":"2026-12-01","category":"lodging","description":"","amount":-1}"""), 400, "invalid_request");
        assertThat(error.path("details").findValuesAsText("field")).contains("description", "amount", "nights", "city");
        server.assertError(server.post("/api/trips/" + trip + "/actual-expenses", """
                {"spentOn":"2026-12-01","category":"food","description":"x","amount":1}"""), 400, "invalid_request");
        long taxi = record("""
                {"spentOn":"2026-12-01","category":"transport","description":"Taxi","amount":2400}""");
        var html = raw("PUT", "/api/actual-expenses/" + taxi + "/receipt", "<script>".getBytes(StandardCharsets.UTF_8), "text/html", "en");
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(raw("PUT", "/api/actual-expenses/" + taxi + "/receipt", new byte[0], "image/png", "en").statusCode()).isEqualTo(400);
        server.assertError(server.send("DELETE", "/api/actual-expenses/" + taxi, null, "bob"), 404, "not_found");
        server.assertError(server.get("/api/actual-expenses/" + taxi + "/receipt"), 404, "not_found");
        assertThat(server.files.stored).isEmpty();
    }

    @Test void a_photo_of_several_megabytes_is_accepted() throws Exception {
        long taxi = record("""
                {"spentOn":"2026-12-01","category":"transport","description":"Taxi","amount":2400}""");
        byte[] photo = new byte[3 * 1024 * 1024];
        var attached = raw("PUT", "/api/actual-expenses/" + taxi + "/receipt?name=big.png", photo, "image/png", "en");
        assertThat(attached.statusCode()).isEqualTo(200);
    }
}
