package dev.concierge.adapter.persistence.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** A typed column of a hand-written statement's result, read by its label. */
public record SqlColumn<T>(String label, Reader<T> reader) {
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet row, String label) throws SQLException;
    }

    public T from(ResultSet row) throws SQLException { return reader.read(row, label); }

    public static SqlColumn<Long> bigint(String label) {
        return new SqlColumn<>(label, (row, l) -> {
            long value = row.getLong(l);
            return row.wasNull() ? null : value;
        });
    }

    public static SqlColumn<String> text(String label) { return new SqlColumn<>(label, ResultSet::getString); }

    public static SqlColumn<Boolean> bool(String label) {
        return new SqlColumn<>(label, (row, l) -> {
            boolean value = row.getBoolean(l);
            return row.wasNull() ? null : value;
        });
    }

    public static SqlColumn<OffsetDateTime> timestamptz(String label) {
        return new SqlColumn<>(label, (row, l) -> row.getObject(l, OffsetDateTime.class));
    }
}
