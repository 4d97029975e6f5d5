package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.tripsupport.port.out.TripAssistant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything a turn told its listener, in order. */
final class RecordingListener implements TripAssistant.Listener {
    record ToolUse(String tool, String outcome) {}

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    final List<ToolUse> tools = new CopyOnWriteArrayList<>();
    final List<String> completions = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();

    @Override public void token(String text) { events.add("token"); tokens.add(text); }

    @Override public void toolUsed(String tool, String outcome) { events.add("tool"); tools.add(new ToolUse(tool, outcome)); }

    @Override public void completed(String fullText) { events.add("completed"); completions.add(fullText); }

    @Override public void failed(String message) { events.add("failed"); failures.add(message); }

    String streamed() { return String.join("", tokens); }
}
