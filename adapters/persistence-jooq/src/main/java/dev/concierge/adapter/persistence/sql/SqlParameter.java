package dev.concierge.adapter.persistence.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** A named, typed parameter of a {@link NamedSql} statement: the type decides how the value is sent. */
public record SqlParameter<T>(String name, Binder<T> binder) {
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, int index, T value) throws SQLException;
    }

    void bind(PreparedStatement statement, int index, T value) throws SQLException { binder.bind(statement, index, value); }

    public static SqlParameter<Long> bigint(String name) {
        return new SqlParameter<>(name, (s, i, v) -> { if (v == null) s.setNull(i, Types.BIGINT); else s.setLong(i, v); });
    }

    public static SqlParameter<Integer> integer(String name) {
        return new SqlParameter<>(name, (s, i, v) -> { if (v == null) s.setNull(i, Types.INTEGER); else s.setInt(i, v); });
    }

    public static SqlParameter<String> text(String name) {
        return new SqlParameter<>(name, (s, i, v) -> s.setString(i, v));
    }

    public static SqlParameter<Long[]> bigintArray(String name) { return array(name, "int8"); }

    public static SqlParameter<String[]> textArray(String name) { return array(name, "text"); }

    public static SqlParameter<Boolean[]> booleanArray(String name) { return array(name, "bool"); }

    private static <E> SqlParameter<E[]> array(String name, String elementType) {
        return new SqlParameter<>(name, (s, i, v) -> s.setArray(i, s.getConnection().createArrayOf(elementType, v)));
    }
}
