package dev.concierge.adapter.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Raised once when the server begins to stop, before it drains. Long-lived answers that can be resumed elsewhere (a
 * batch's progress stream) watch it and end at once, so they do not hold the drain for its whole time; answers that
 * cannot be resumed (a chat turn) ignore it and get the drain time to finish.
 */
public final class ServerStopping {
    private final CountDownLatch stopping = new CountDownLatch(1);

    void begin() { stopping.countDown(); }

    public boolean begun() { return stopping.getCount() == 0; }

    /** Waits up to {@code duration}, returning early (true) as soon as the server begins to stop. */
    public boolean await(Duration duration) throws InterruptedException {
        return stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
