package dev.concierge.adapter.http.health;

/** One component /health reports on. Only critical components decide whether the app can serve. */
public interface HealthIndicator {
    String name();

    /** A non-critical component (the LLM) is reported but never fails the health check. */
    boolean critical();

    ComponentHealth check();

    record ComponentHealth(boolean up, String message) {
        public static ComponentHealth up(String message) { return new ComponentHealth(true, message); }

        public static ComponentHealth down(String message) { return new ComponentHealth(false, message); }
    }
}
