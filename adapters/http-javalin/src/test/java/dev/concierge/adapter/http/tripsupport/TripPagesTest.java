package dev.concierge.adapter.http.tripsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-rendered pages over real HTTP (the browser test in bootstrap drives them with Chromium). */
class TripPagesTest {
    private final TripSupportServer server = new TripSupportServer();

    @AfterEach void stop() { server.close(); }

    @Test void the_home_page_links_trip_support() {
        var home = server.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("href=\"/trips\"");
    }

    @Test void the_trip_list_shows_the_users_trips_and_the_form() {
        long trip = server.createTrip();

        var page = server.get("/trips?lang=en");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("href=\"/trips/" + trip + "\"", "Osaka customers", "id=\"trip-create\"",
                "data-error-for=\"endDate\"", "/assets/tripsupport/trips.js");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("onclick");
    }

    @Test void the_trip_page_flags_overlaps_and_highlights_violations() {
        long trip = server.createTrip();
        server.addVisit(trip, "Acme", "2026-12-01T10:00:00", 90);
        server.addVisit(trip, "Globex", "2026-12-01T11:00:00", 60);
        server.put("/api/trips/" + trip + "/expense-plan", """
                {"transport":[],"lodging":[{"city":"Osaka","nights":2,"ratePerNight":18000}],"other":[]}""");

        var page = server.get("/trips/" + trip + "?lang=en");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Acme", "Globex", "id=\"overlap-warning\"", "visit overlapping", "class=\"violation\"",
                "over the cap", "id=\"chat-form\"", "id=\"itinerary-form\"");
    }

    @Test void a_wrong_address_is_a_page_in_the_readers_language_saying_what_to_do() {
        var unknownTrip = server.get("/trips/99999?lang=ja");
        var notANumber = server.get("/trips/abc?lang=ja");
        var noSuchPage = server.get("/trips/1/nothing-here?lang=en");

        assertThat(unknownTrip.status()).isEqualTo(404);
        assertThat(unknownTrip.body()).contains("ページが見つかりません", "アドレスが間違っているか").doesNotContain("Trip 99999");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("アドレスが正しくありません");
        assertThat(noSuchPage.status()).isEqualTo(404);
        assertThat(noSuchPage.body()).contains("The address may be mistyped").doesNotContain("openapi");
    }

    @Test void pages_word_dates_and_times_for_their_reader_while_the_api_keeps_iso() {
        long trip = server.createTrip();
        server.addVisit(trip, "Acme", "2026-12-02T10:00:00", 90);

        String ja = server.get("/trips/" + trip + "?lang=ja").body();
        String en = server.get("/trips/" + trip + "?lang=en").body();
        String list = server.get("/trips?lang=ja").body();

        assertThat(ja).contains("2026年12月1日(火) – 2026年12月3日(木)", "2026年12月2日(水) 10:00–11:30");
        assertThat(en).contains("Tue 1 Dec 2026 – Thu 3 Dec 2026", "Wed 2 Dec 2026 10:00–11:30");
        assertThat(list).contains("2026年12月1日(火) – 2026年12月3日(木)").doesNotContain("2026-12-01 –");
        assertThat(server.json(server.get("/api/trips/" + trip)).path("startDate").asText()).isEqualTo("2026-12-01");
    }

    @Test void the_trip_page_speaks_japanese() {
        long trip = server.createTrip();

        var page = server.get("/trips/" + trip + "?lang=ja");

        assertThat(page.body()).contains("lang=\"ja\"", "顧客訪問", "経費見積もり", "アシスタント");
    }

    @Test void the_estimate_is_worded_in_the_readers_language_with_yen_amounts_and_transport_class_names() {
        long trip = server.createTrip();
        server.put("/api/trips/" + trip + "/expense-plan", """
                {"transport":[{"from":"東京","to":"新大阪","date":"2026-12-01","travelClass":"shinkansen-green","fare":19990}],
                 "lodging":[{"city":"Osaka","nights":2,"ratePerNight":18000}],"other":[]}""");

        String ja = server.get("/trips/" + trip + "?lang=ja").body();
        String en = server.get("/trips/" + trip + "?lang=en").body();

        assertThat(ja).contains("宿泊費の上限 ¥14,000/泊（A 地域の都市）", "Osaka のホテル（¥18,000/泊）は上限 ¥14,000 を超えています。",
                "東京 → 新大阪（新幹線（グリーン車）、2026年12月1日(火)）", "¥19,990", "旅費規程で認められていません")
                .doesNotContain("JPY", "Lodging cap", "Allowed transport", "night(s)");
        assertThat(en).contains("Lodging cap ¥14,000/night in class A cities", "Shinkansen (Green car)", "¥36,000")
                .doesNotContain("JPY", "shinkansen-green,");
    }

    @Test void the_estimate_api_words_its_lines_in_the_requests_language_and_keeps_its_codes() {
        long trip = server.createTrip();
        server.put("/api/trips/" + trip + "/expense-plan", """
                {"transport":[],"lodging":[{"city":"Osaka","nights":2,"ratePerNight":18000}],"other":[]}""");

        var ja = server.json(server.sendWithLanguage("GET", "/api/trips/" + trip + "/expense-estimate", "ja"));

        assertThat(ja.path("violations").get(0).path("code").asText()).isEqualTo("lodging_over_cap");
        assertThat(ja.path("violations").get(0).path("message").asText()).isEqualTo("Osaka のホテル（¥18,000/泊）は上限 ¥14,000 を超えています。");
        assertThat(ja.path("lines").get(1).path("description").asText()).isEqualTo("Osaka：2 泊 × ¥18,000");
    }

    @Test void a_proposal_shows_exactly_what_it_would_change_and_tool_results_show_as_summaries() {
        long trip = server.createTrip();
        long conversation = server.json(server.post("/api/trips/" + trip + "/conversations", "{\"title\":\"Prep\"}")).path("id").asLong();
        var c = server.chat.conversations(TripSupportServer.ALICE, new dev.concierge.domain.tripsupport.model.TripId(trip)).getFirst();
        server.chat.propose(c, new dev.concierge.domain.tripsupport.model.ProposedChange.AddVisit(new dev.concierge.domain.tripsupport.model.VisitDetails(
                "Initech", java.util.List.of("佐藤様"), "梅田", java.time.LocalDateTime.parse("2026-12-02T14:00"), java.time.Duration.ofMinutes(45),
                "Renewal terms", "")), "Add a visit");
        server.chat.propose(c, new dev.concierge.domain.tripsupport.model.ProposedChange.ReplaceItinerary(new dev.concierge.domain.tripsupport.model.Itinerary(
                java.util.List.of(new dev.concierge.domain.tripsupport.model.ItineraryItem(java.time.LocalDate.parse("2026-12-01"), java.time.LocalTime.of(9, 0),
                        java.util.Optional.empty(), dev.concierge.domain.tripsupport.model.ItineraryKind.TRANSPORT, "のぞみ 5号", "東京駅", "")),
                dev.concierge.domain.tripsupport.model.Itinerary.Source.ASSISTANT_DRAFT)), "Replace the itinerary");
        server.chat.recordToolResult(c, "read_trip", "Today is 2026-11-30 (monday).\nTrip #1 \"Osaka customers\", status planned");

        String page = server.get("/trips/" + trip + "?conversation=" + conversation + "&lang=ja").body();
        String fragment = server.get("/trips/" + trip + "/proposals?conversation=" + conversation + "&lang=ja").body();

        assertThat(page).contains("訪問を追加", "Initech", "梅田", "2026年12月2日(水) 14:00", "45", "佐藤様", "Renewal terms",
                "旅程を置き換え", "2026年12月1日(火) 09:00 移動 · のぞみ 5号 @ 東京駅", "削除 0 件 · 追加 1 件 · 変更なし 0 件",
                "出張の内容を確認しました").doesNotContain("Today is", "Trip #1");
        assertThat(fragment).contains("id=\"proposals\"", "Initech", "data-proposal=\"accept\"").doesNotContain("<html");
        // Not the trip's approval: a proposal is applied to the trip or not
        assertThat(fragment).contains(">反映する</button>", ">反映しない</button>").doesNotContain("承認");
        assertThat(server.get("/trips/" + trip + "/proposals?conversation=999").status()).isEqualTo(404);
    }

    @Test void the_proposals_api_words_each_summary_from_the_change_in_the_readers_language() {
        long trip = server.createTrip();
        long conversation = server.json(server.post("/api/trips/" + trip + "/conversations", "{\"title\":\"Prep\"}")).path("id").asLong();
        var c = server.chat.conversations(TripSupportServer.ALICE, new dev.concierge.domain.tripsupport.model.TripId(trip)).getFirst();
        server.chat.propose(c, new dev.concierge.domain.tripsupport.model.ProposedChange.AddVisit(new dev.concierge.domain.tripsupport.model.VisitDetails(
                "Initech", java.util.List.of(), "梅田", java.time.LocalDateTime.parse("2026-12-02T14:00"), java.time.Duration.ofMinutes(45),
                "", "")), "Add a visit to Initech (model line)");

        var ja = server.json(server.sendWithLanguage("GET", "/api/conversations/" + conversation + "/proposals", "ja"));
        var en = server.json(server.sendWithLanguage("GET", "/api/conversations/" + conversation + "/proposals", "en"));

        assertThat(ja.path("items").get(0).path("summary").asText()).isEqualTo("訪問を追加: Initech（梅田、2026年12月2日(水) 14:00、45 分）");
        assertThat(en.path("items").get(0).path("summary").asText()).isEqualTo("Add a visit to Initech at 梅田, Wed 2 Dec 2026 14:00 for 45 min");
    }

    @Test void a_reloaded_tool_result_is_worded_from_its_stored_outcome_whatever_the_model_text_says() {
        long trip = server.createTrip();
        long conversation = server.json(server.post("/api/trips/" + trip + "/conversations", "{\"title\":\"Prep\"}")).path("id").asLong();
        var c = server.chat.conversations(TripSupportServer.ALICE, new dev.concierge.domain.tripsupport.model.TripId(trip)).getFirst();
        // Text a model-facing toolbox might write in any wording: the page must not depend on it.
        server.chat.recordToolResult(c, "propose_move_visit", "提案 #7 を作成しました",
                new dev.concierge.domain.tripsupport.model.StoredMessage.ToolOutcome("proposed", java.util.Map.of("proposal", "7")));
        server.chat.recordToolResult(c, "read_trip", "Today is 2026-11-30",
                new dev.concierge.domain.tripsupport.model.StoredMessage.ToolOutcome("refused", java.util.Map.of("reason", "trip_not_editable")));

        String page = server.get("/trips/" + trip + "?conversation=" + conversation + "&lang=ja").body();

        assertThat(page).contains("訪問の移動を提案しました", "実行できませんでした").doesNotContain("出張の内容を確認しました", "提案 #7 を作成しました");
    }

    @Test void a_conversation_and_its_pending_proposals_show_on_the_trip_page() {
        long trip = server.createTrip();
        long conversation = server.json(server.post("/api/trips/" + trip + "/conversations", "{\"title\":\"Prep\"}")).path("id").asLong();
        server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"Hello there\"}");

        var page = server.get("/trips/" + trip + "?conversation=" + conversation);

        assertThat(page.body()).contains("data-conversation-id=\"" + conversation + "\"", "Hello there", "message assistant");
    }

    @Test void an_unknown_trip_page_is_a_404_page_not_json() {
        var page = server.get("/trips/999");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(server.get("/trips/abc").status()).isEqualTo(400);
    }

    @Test void the_script_and_stylesheet_are_served() {
        assertThat(server.get("/assets/tripsupport/trips.js").body()).contains("text/event-stream");
        assertThat(server.get("/assets/tripsupport/trips.css").status()).isEqualTo(200);
    }

    @Test void every_page_loads_the_shared_script_before_its_own_and_the_trip_script_keeps_no_copy_of_it() {
        String page = server.get("/trips?lang=ja").body();

        assertThat(page.indexOf("/assets/app.js")).isPositive().isLessThan(page.indexOf("/assets/tripsupport/trips.js"));
        assertThat(server.get("/assets/app.js").body()).contains("window.Concierge", "function notify", "async function api");
        assertThat(server.get("/assets/tripsupport/trips.js").body()).contains("window.Concierge")
                .doesNotContain("function notify", "async function api(", "setTimeout(() => { notice.hidden");
    }
}
