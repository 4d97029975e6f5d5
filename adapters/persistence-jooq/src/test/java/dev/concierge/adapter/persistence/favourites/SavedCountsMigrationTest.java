package dev.concierge.adapter.persistence.favourites;

import dev.concierge.adapter.persistence.ContextSchemas;
import dev.concierge.adapter.persistence.Migrations;
import dev.concierge.adapter.persistence.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code favourites/V4} counts the favourites that were saved before it, and its trigger keeps the counts through
 * inserts, deletes, changed owners and TRUNCATE: the list's total is read from them.
 */
class SavedCountsMigrationTest {
    private final TestDatabase db = TestDatabase.empty();

    @AfterEach void close() { db.close(); }

    @Test void favourites_saved_before_the_counts_existed_are_counted_and_every_later_change_is_kept() throws Exception {
        Flyway.configure().dataSource(db.dataSource()).schemas("favourites").defaultSchema("favourites").createSchemas(true)
                .table("flyway_schema_history").locations(ContextSchemas.migrationsLocation("favourites"))
                .target("3").load().migrate();
        run("INSERT INTO favourites.saved_favourites (owner_id, type, content) VALUES"
                + " ('alice', 'quote', 'a'), ('alice', 'quote', 'b'), ('alice', 'horoscope', 'c'), ('bob', 'quote', 'a')");

        Migrations.migrate(db.dataSource());

        assertThat(counts()).containsExactly("alice horoscope 1", "alice quote 2", "bob quote 1");

        run("INSERT INTO favourites.saved_favourites (owner_id, type, content) VALUES ('bob', 'horoscope', 'd')");
        run("DELETE FROM favourites.saved_favourites WHERE owner_id = 'alice' AND content = 'a'");
        run("UPDATE favourites.saved_favourites SET owner_id = 'carol' WHERE content = 'c'");
        assertThat(counts()).containsExactly("alice horoscope 0", "alice quote 1", "bob horoscope 1", "bob quote 1",
                "carol horoscope 1");

        run("TRUNCATE favourites.saved_favourites CASCADE");
        assertThat(counts()).isEmpty();
    }

    private void run(String sql) throws SQLException {
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> counts() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT owner_id, type, saved FROM favourites.saved_counts ORDER BY 1, 2")) {
            while (result.next()) rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getLong(3));
        }
        return rows;
    }
}
