package dev.concierge.bootstrap;

import java.time.Duration;

/**
 * Something a context runs beside the requests, such as job workers. {@link Application} starts it once the
 * migrations ran and the injector is built, and on shutdown first stops it taking new work, then drains requests, then
 * gives it what is left of the drain time.
 */
public interface BackgroundWork {
    void start();

    /** Take no new work; work in progress goes on. */
    default void stopTaking() {}

    /** Finish or hand back work in progress within {@code grace}, then stop. */
    default void stop(Duration grace) {}
}
