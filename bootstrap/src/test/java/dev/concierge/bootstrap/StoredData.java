package dev.concierge.bootstrap;

import dev.concierge.adapter.persistence.ContextSchemas;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What is stored, as one value: tests compare it before and after a request that must change nothing. */
final class StoredData {
    private StoredData() {}

    /**
     * One hash over every row of every context's tables, found in the catalogue (never a hard-coded list, so a new
     * table is covered the day it is migrated).
     */
    static String digest(DataSource dataSource) { return digest(dataSource, Map.of()); }

    /**
     * The same, with some tables' rows read as the caller says ({@code schema.table} to an SQL expression over the row
     * {@code r}): what background work changes on its own after a request (its progress) is then left out.
     */
    static String digest(DataSource dataSource, Map<String, String> rows) {
        try (Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rs = statement.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) "
                    + "FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' "
                    + "AND table_schema IN (" + String.join(",", ContextSchemas.ALL.stream().map(s -> "'" + s + "'").toList())
                    + ") ORDER BY 1")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            assertThat(tables).as("tables of the context schemas").isNotEmpty();
            String sql = String.join(" || ", tables.stream().map(t ->
                    "coalesce((SELECT md5(string_agg(" + rows.getOrDefault(t, "r::text") + ", '|' ORDER BY "
                            + rows.getOrDefault(t, "r::text") + ")) FROM " + t + " r), '-')").toList());
            try (var rs = statement.executeQuery("SELECT md5(" + sql + ")")) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
