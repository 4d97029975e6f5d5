package dev.concierge.bootstrap.testcasegeneration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's exactly-once result, read from the database: every case of a suite has one revision, the generated one. */
final class GeneratedOnce {
    private GeneratedOnce() {}

    static void assertEveryCaseOnce(Connection c, long suite, int cases) throws SQLException {
        List<String> notOnce = new ArrayList<>();
        try (var statement = c.prepareStatement("""
                SELECT c.key, count(r.*) AS revisions, count(r.*) FILTER (WHERE r.kind = 'generated') AS generated
                FROM test_case_generation.test_cases c LEFT JOIN test_case_generation.procedure_revisions r ON r.case_id = c.id
                WHERE c.suite_id = ? GROUP BY c.key""")) {
            statement.setLong(1, suite);
            try (var rows = statement.executeQuery()) {
                int seen = 0;
                while (rows.next()) {
                    seen++;
                    if (rows.getInt("revisions") != 1 || rows.getInt("generated") != 1) {
                        notOnce.add(rows.getString("key") + ": " + rows.getInt("revisions") + " revisions");
                    }
                }
                assertThat(seen).isEqualTo(cases);
            }
        }
        assertThat(notOnce).as("cases without exactly one generated revision").isEmpty();
    }
}
