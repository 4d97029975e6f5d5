package dev.concierge.infrastructure;

import java.util.HashMap;
import java.util.Map;

/**
 * Aurora's slow-query log (seeds 001, 003): statements slower than {@value #MILLIS} ms are written to the PostgreSQL
 * log, which the cluster exports to CloudWatch Logs ({@code /aws/rds/cluster/<cluster>/postgresql}).
 */
final class SlowQueryLog {
    static final int MILLIS = 1000;

    private SlowQueryLog() {}

    /** {@code parameters} plus {@code log_min_duration_statement}. */
    static Map<String, String> with(Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("log_min_duration_statement", Integer.toString(MILLIS));
        return Map.copyOf(all);
    }
}
