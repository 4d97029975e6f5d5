package dev.concierge.adapter.llm.tripsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryRules;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the model is told when the domain's itinerary rules reject its draft: each violation as its code and a reason
 * worded in the draft's language, and the draft itself again in the answer's JSON shape so items can be named by index.
 */
final class ItineraryFeedback {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LISTED = 30;
    private static final Map<String, String> ENGLISH = Map.of(
            ItineraryRules.OUTSIDE_TRIP, "items[{i}] is on {0}, outside the trip ({1} to {2}): move it onto a day of the trip or remove it",
            ItineraryRules.VISIT_MISSING, "the customer visit to {0} on {1} at {2} has no \"meeting\" item starting exactly then: add one",
            ItineraryRules.OVERLAPS_VISIT, "items[{i}] \"{0}\" takes place during the visit to {1} ({2}–{3}): move it out of that time",
            ItineraryRules.NO_TIME_TO_TRAVEL, "items[{i}]: going from {0} to {1} takes {2} min but only {3} min are left: start it later or leave earlier",
            ItineraryRules.NIGHT_WITHOUT_HOTEL, "the night of {0} has no \"hotel\" item: add one");
    private static final Map<String, String> JAPANESE = Map.of(
            ItineraryRules.OUTSIDE_TRIP, "items[{i}] の日付 {0} は出張期間（{1}〜{2}）の外です。期間内の日に移すか削除してください",
            ItineraryRules.VISIT_MISSING, "{1} {2} の「{0}」への訪問に、その時刻ちょうどに始まる \"meeting\" 項目がありません。追加してください",
            ItineraryRules.OVERLAPS_VISIT, "items[{i}]「{0}」が {1} への訪問（{2}〜{3}）と重なっています。その時間の外に移してください",
            ItineraryRules.NO_TIME_TO_TRAVEL, "items[{i}]: {0} から {1} への移動に {2} 分かかりますが、{3} 分しかありません。開始を遅らせるか前の予定を早めてください",
            ItineraryRules.NIGHT_WITHOUT_HOTEL, "{0} の夜に \"hotel\" 項目がありません。追加してください");

    private ItineraryFeedback() {}

    /** The previous draft as the model would have answered it, in the order the rules number its items. */
    static String draft(List<ItineraryItem> items) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("items");
        for (ItineraryItem item : items) {
            array.addObject().put("date", item.date().toString()).put("start", item.start().toString())
                    .put("end", item.end().map(Object::toString).orElse("")).put("kind", item.kind().wireName())
                    .put("title", item.title()).put("place", item.place()).put("notes", item.notes());
        }
        return root.toString();
    }

    static String request(List<ItineraryViolation> violations, Language language) {
        boolean japanese = language == Language.JA;
        StringBuilder text = new StringBuilder(japanese ? "この旅程は次のルールに違反しています（コード: 理由）:\n"
                : "This itinerary breaks these rules (code: reason):\n");
        violations.stream().limit(MAX_LISTED).forEach(v -> text.append("- ").append(v.rule()).append(": ").append(reason(v, language)).append("\n"));
        if (violations.size() > MAX_LISTED) text.append("- … ").append(violations.size() - MAX_LISTED).append("\n");
        return text.append(japanese ? "すべて直した完全な JSON オブジェクトで答え直してください。ほかの項目はそのまま残してください。"
                : "Answer again with the complete JSON object with every one of them corrected; keep the other items as they are.").toString();
    }

    static String reason(ItineraryViolation violation, Language language) {
        String pattern = (language == Language.JA ? JAPANESE : ENGLISH).getOrDefault(violation.rule(), violation.rule() + " {0} {1} {2} {3}");
        Object[] args = violation.args().stream().map(String::valueOf).toArray();
        // The pattern's {i} is the item's index; MessageFormat would read it as an argument, so it is replaced first.
        return new MessageFormat(pattern.replace("{i}", String.valueOf(violation.item())).replace("'", "''"), Locale.ROOT).format(args);
    }
}
