package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.tripsupport.port.out.TripAssistant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Everything a turn streamed, in order, and how it ended. */
final class RecordingListener implements Consumer<String> {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    final List<String> completions = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();

    @Override public void accept(String text) { events.add("token"); tokens.add(text); }

    void ended(TripAssistant.Ending ending) {
        switch (ending) {
            case TripAssistant.Ending.Answered answered -> { events.add("completed"); completions.add(answered.text()); }
            case TripAssistant.Ending.Failed failed -> { events.add("failed"); failures.add(failed.code()); }
        }
    }

    String streamed() { return String.join("", tokens); }
}
