package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.tripsupport.model.StoredMessage;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person reads of the assistant's work: a short summary of each tool call in their language, rendered from the
 * tool's name and outcome code, never the tool's output (which is written for the model), and failures worded from
 * their codes, never the server's own message (which is written for operators).
 */
final class ChatTexts {
    private static final Pattern PROPOSAL = Pattern.compile("^Proposed as proposal #(\\d+)");

    private ChatTexts() {}

    /** "出張の内容を確認しました": the tool's own wording of the outcome where the bundle has one, else the outcome's. */
    static String toolSummary(Messages messages, String tool, String code, Map<String, String> args) {
        String reason = args.getOrDefault("reason", "");
        Object[] figures = {args.getOrDefault("proposal", args.getOrDefault("limit", "")), refusal(messages, reason)};
        return text(messages, "trips.chat.tool." + tool + "." + code, figures)
                .or(() -> text(messages, "trips.chat.tool." + code, figures))
                .orElseGet(() -> messages.t("trips.chat.tool.other"));
    }

    /**
     * The summary of a tool result kept in the conversation's history, worded from the outcome stored with it. A result
     * stored without one (before outcomes were stored, or of a tool that does not exist) is recognised from the text the
     * toolbox wrote for the model: a proposal names its number, a briefing or an estimate starts as the toolbox starts
     * them, anything else (a refusal, arguments the model got wrong, an unknown tool) did not happen.
     */
    static String storedToolSummary(Messages messages, StoredMessage result) {
        String tool = result.toolName().orElse(null);
        return result.outcome().map(o -> toolSummary(messages, tool, o.code(), o.args()))
                .orElseGet(() -> recognisedToolSummary(messages, tool, result.text()));
    }

    private static String recognisedToolSummary(Messages messages, String tool, String result) {
        String text = result == null ? "" : result;
        if (text.startsWith("Refused: this turn has already used")) return toolSummary(messages, tool, "not_run", Map.of());
        Matcher proposal = PROPOSAL.matcher(text);
        if (proposal.find()) return toolSummary(messages, tool, "proposed", Map.of("proposal", proposal.group(1)));
        if ("read_trip".equals(tool) && text.startsWith("Today is")) return toolSummary(messages, tool, "read", Map.of());
        if ("recompute_estimate".equals(tool) && text.startsWith("Expense estimate")) return toolSummary(messages, tool, "estimated", Map.of());
        return toolSummary(messages, tool, "refused", Map.of());
    }

    /** A turn that ended without an answer, or could not start: what the person can do about it. */
    static String failure(Messages messages, String code) {
        return text(messages, "trips.chat.failed." + code)
                .or(() -> text(messages, "error.unavailable." + code))
                .or(() -> text(messages, "error.code." + code))
                .orElseGet(() -> messages.t("trips.chat.failed.internal_error"));
    }

    private static String refusal(Messages messages, String reason) {
        return text(messages, "trips.chat.refusal." + reason).orElseGet(() -> messages.t("trips.chat.refusal.other"));
    }

    private static Optional<String> text(Messages messages, String key, Object... args) {
        String text = messages.t(key, args);
        return text.equals(key) ? Optional.empty() : Optional.of(text);
    }
}
