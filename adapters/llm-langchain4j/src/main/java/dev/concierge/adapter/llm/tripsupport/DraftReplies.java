package dev.concierge.adapter.llm.tripsupport;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads drafts leniently — a leaked {@code <think>} block, Markdown fences and prose around the JSON are dropped — and
 * judges them strictly with the domain model's own shapes ({@link ItineraryItem}, {@link Itinerary}'s size,
 * {@link CustomerVisit}'s notes limit). Each problem names the place and the rule, to be fed back to the model.
 */
final class DraftReplies {
    static final int MAX_NOTE_ENTRIES = 15;
    static final int MAX_NOTE_ENTRY_LENGTH = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEAKED_THINKING = Pattern.compile("^\\s*<think>.*?</think>", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("```[\\w-]*[^\\S\\n]*\\n?(.*?)(?:```|\\z)", Pattern.DOTALL);

    /** A usable draft, or what is wrong with it. */
    sealed interface Judged<T> {
        record Usable<T>(T draft) implements Judged<T> {}

        record Unusable<T>(List<String> problems) implements Judged<T> {
            public Unusable { problems = List.copyOf(problems); }
        }
    }

    private DraftReplies() {}

    /** Usable when every item reads as an {@link ItineraryItem}; the trip's own rules are the domain's to check, not here. */
    static Judged<List<ItineraryItem>> itinerary(String reply) {
        JsonNode root;
        try {
            root = read(reply);
        } catch (Unreadable e) {
            return new Judged.Unusable<>(List.of(e.getMessage()));
        }
        JsonNode nodes = root.path("items");
        if (!nodes.isArray()) return new Judged.Unusable<>(List.of("items must be an array of itinerary items"));
        if (nodes.isEmpty()) return new Judged.Unusable<>(List.of("items must hold at least one itinerary item"));
        List<String> problems = new ArrayList<>();
        List<ItineraryItem> items = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String at = "items[" + i + "]";
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                problems.add(at + " must be an object");
                continue;
            }
            List<String> own = new ArrayList<>();
            LocalDate date = parse(node, "date", at, own, LocalDate::parse, "a date like 2026-12-01");
            LocalTime start = parse(node, "start", at, own, LocalTime::parse, "a time like 09:30");
            String endText = node.path("end").asText("").strip();
            Optional<LocalTime> end = endText.isEmpty() ? Optional.empty()
                    : Optional.ofNullable(parse(node, "end", at, own, LocalTime::parse, "a time like 10:30 or an empty string"));
            ItineraryKind kind = null;
            try {
                kind = ItineraryKind.parse(node.path("kind").asText(""));
            } catch (InvalidInput e) {
                own.add(at + ".kind must be one of transport, meeting, hotel, meal, free-time");
            }
            if (!own.isEmpty()) {
                problems.addAll(own);
                continue;
            }
            try {
                items.add(new ItineraryItem(date, start, end, kind, node.path("title").asText(""), node.path("place").asText(""),
                        node.path("notes").asText("")));
            } catch (InvalidInput e) {
                e.details().forEach(d -> problems.add(d.under(at + ".").toString()));
            }
        }
        if (problems.isEmpty() && items.size() > Itinerary.MAX_ITEMS) problems.add("items must hold at most " + Itinerary.MAX_ITEMS + " entries");
        return problems.isEmpty() ? new Judged.Usable<>(List.copyOf(items)) : new Judged.Unusable<>(problems);
    }

    static Judged<String> preparationNotes(String reply, CustomerVisit visit, Language language) {
        JsonNode root;
        try {
            root = read(reply);
        } catch (Unreadable e) {
            return new Judged.Unusable<>(List.of(e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        int entries = 0;
        for (NoteSection section : NoteSection.values()) {
            JsonNode list = root.path(section.field);
            if (!list.isArray()) {
                problems.add(section.field + " must be an array of texts");
                continue;
            }
            if (list.size() > MAX_NOTE_ENTRIES) problems.add(section.field + " must hold at most " + MAX_NOTE_ENTRIES + " entries");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String text = list.get(i).isValueNode() ? list.get(i).asText("").strip() : "";
                if (text.length() > MAX_NOTE_ENTRY_LENGTH) problems.add(section.field + "[" + i + "] must be at most " + MAX_NOTE_ENTRY_LENGTH + " characters");
                if (!text.isEmpty()) lines.add(text);
            }
            if (lines.isEmpty()) continue;
            entries += lines.size();
            if (!notes.isEmpty()) notes.append("\n\n");
            notes.append(section.heading(language));
            lines.forEach(line -> notes.append("\n- ").append(line.replaceAll("\\s*\\n\\s*", " ")));
        }
        if (problems.isEmpty() && entries == 0) problems.add("the notes are empty: write at least the goals of the visit");
        if (problems.isEmpty()) {
            try {
                new CustomerVisit(visit.id(), visit.trip(), visit.details(), Optional.of(notes.toString()), visit.version());
            } catch (InvalidInput e) {
                e.details().forEach(d -> problems.add("the notes: " + d.code() + " " + d.args()));
            }
        }
        return problems.isEmpty() ? new Judged.Usable<>(notes.toString()) : new Judged.Unusable<>(problems);
    }

    private enum NoteSection {
        GOALS("goals", "Goals", "目的"),
        TALKING_POINTS("talkingPoints", "Talking points", "話すこと"),
        QUESTIONS("questions", "Questions to ask", "確認したいこと"),
        BRING("bring", "To bring", "持ち物");

        final String field;
        private final String english;
        private final String japanese;

        NoteSection(String field, String english, String japanese) {
            this.field = field;
            this.english = english;
            this.japanese = japanese;
        }

        String heading(Language language) { return language == Language.JA ? "■ " + japanese : "## " + english; }
    }

    private interface Parser<T> { T parse(String text); }

    private static <T> T parse(JsonNode node, String field, String at, List<String> problems, Parser<T> parser, String expected) {
        String text = node.path(field).asText("").strip();
        try {
            return parser.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(at + "." + field + " must be " + expected + ", got '" + text + "'");
            return null;
        }
    }

    private static JsonNode read(String reply) {
        String text = LEAKED_THINKING.matcher(reply == null ? "" : reply).replaceFirst("");
        Matcher fenced = FENCE.matcher(text);
        if (fenced.find()) text = fenced.group(1);
        int start = text.indexOf('{');
        if (start < 0) throw new Unreadable("the reply holds no JSON object; answer with the JSON object only");
        try {
            JsonNode root = JSON.readTree(text.substring(start).strip());
            if (root == null || !root.isObject()) throw new Unreadable("the reply must be one JSON object");
            return root;
        } catch (JsonEOFException e) {
            throw new Unreadable("the reply is cut off: the JSON ends before it is complete");
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("").strip();
            throw new Unreadable("the reply is not valid JSON (" + (message.length() > 160 ? message.substring(0, 160) + "…" : message) + ")");
        }
    }

    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) { super(message, null, false, false); }
    }
}
