package dev.concierge.adapter.persistence.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement written by hand as SQL text, with named parameters ({@code :owner}) instead of positional ones, turned
 * once into JDBC's positional form. A name may appear several times; every occurrence gets the same value. Text in
 * quotes, comments and PostgreSQL casts ({@code ::int}) are left alone. Every value is a bound parameter; nothing is
 * concatenated into the text.
 */
public final class NamedSql {
    private final String jdbcText;
    private final List<String> positions; // the parameter name at each '?', in order

    private NamedSql(String jdbcText, List<String> positions) {
        this.jdbcText = jdbcText;
        this.positions = List.copyOf(positions);
    }

    public static NamedSql of(String text) {
        StringBuilder jdbc = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {                       // a literal or a quoted identifier, copied whole
                int end = text.indexOf(c, i + 1);
                if (end < 0) throw new IllegalArgumentException("unterminated " + c + " in: " + text);
                jdbc.append(text, i, end + 1);
                i = end + 1;
            } else if (c == '-' && text.startsWith("--", i)) { // a line comment, copied whole
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                jdbc.append(text, i, end);
                i = end;
            } else if (c == ':' && text.startsWith("::", i)) { // a cast
                jdbc.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < text.length() && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) end++;
                names.add(text.substring(i + 1, end));
                jdbc.append('?');
                i = end;
            } else if (c == '?') {
                throw new IllegalArgumentException("use named parameters (:name), not '?', in: " + text);
            } else {
                jdbc.append(c);
                i++;
            }
        }
        return new NamedSql(jdbc.toString(), names);
    }

    /** The text JDBC receives, with {@code ?} in place of each named parameter. */
    public String jdbcText() { return jdbcText; }

    public Statement prepare(Connection connection) throws SQLException {
        return new Statement(connection.prepareStatement(jdbcText));
    }

    /** One execution: set every parameter by name, then execute; it refuses to run with a parameter left unset. */
    public final class Statement implements AutoCloseable {
        private final PreparedStatement prepared;
        private final boolean[] set = new boolean[positions.size()];

        private Statement(PreparedStatement prepared) { this.prepared = prepared; }

        public <T> Statement set(SqlParameter<T> parameter, T value) throws SQLException {
            boolean found = false;
            for (int p = 0; p < positions.size(); p++) {
                if (positions.get(p).equals(parameter.name())) {
                    parameter.bind(prepared, p + 1, value);
                    set[p] = true;
                    found = true;
                }
            }
            if (!found) throw new IllegalArgumentException("the statement has no parameter :" + parameter.name());
            return this;
        }

        public ResultSet executeQuery() throws SQLException {
            for (int p = 0; p < set.length; p++) {
                if (!set[p]) throw new IllegalStateException("parameter :" + positions.get(p) + " was not set");
            }
            return prepared.executeQuery();
        }

        @Override public void close() throws SQLException { prepared.close(); }
    }
}
