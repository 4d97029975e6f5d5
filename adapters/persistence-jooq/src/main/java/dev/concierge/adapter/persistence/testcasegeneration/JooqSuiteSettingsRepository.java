package dev.concierge.adapter.persistence.testcasegeneration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.test_case_generation.tables.records.SuiteSettingsRecord;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.GlossaryEntry;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.SuiteSettings;
import dev.concierge.domain.testcasegeneration.port.out.SuiteSettingsRepository;
import org.jooq.JSONB;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.SUITE_SETTINGS;

/** Versions of a suite's settings: a new row per change; the primary key (suite, version) settles two writers. */
final class JooqSuiteSettingsRepository implements SuiteSettingsRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JooqTransactions transactions;

    JooqSuiteSettingsRepository(JooqTransactions transactions) { this.transactions = transactions; }

    @Override public SuiteSettings current(SuiteId suite) {
        return transactions.dsl().selectFrom(SUITE_SETTINGS).where(SUITE_SETTINGS.SUITE_ID.eq(suite.value()))
                .orderBy(SUITE_SETTINGS.VERSION.desc()).limit(1)
                .fetchOptional(JooqSuiteSettingsRepository::toSettings)
                .orElseGet(() -> SuiteSettings.none(suite));
    }

    @Override public SuiteSettings save(SuiteId suite, SuiteGuidance guidance, int expectedVersion, UserId author, Instant at) {
        return transactions.inTransaction(() -> {
            if (current(suite).version() != expectedVersion) throw stale();
            ArrayNode glossary = JSON.createArrayNode();
            guidance.glossary().forEach(e -> glossary.addObject().put("term", e.term()).put("meaning", e.meaning()));
            ArrayNode examples = JSON.createArrayNode();
            guidance.examples().forEach(examples::add);
            int inserted = transactions.dsl().insertInto(SUITE_SETTINGS)
                    .set(SUITE_SETTINGS.SUITE_ID, suite.value())
                    .set(SUITE_SETTINGS.VERSION, expectedVersion + 1)
                    .set(SUITE_SETTINGS.GLOSSARY, JSONB.valueOf(glossary.toString()))
                    .set(SUITE_SETTINGS.EXAMPLES, JSONB.valueOf(examples.toString()))
                    .set(SUITE_SETTINGS.INSTRUCTIONS, guidance.instructions())
                    .set(SUITE_SETTINGS.AUTHOR, author.value())
                    .set(SUITE_SETTINGS.CREATED_AT, StoredTimes.utc(at))
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) throw stale();
            return current(suite);
        });
    }

    @Override public List<SuiteSettings> versions(SuiteId suite) {
        return transactions.dsl().selectFrom(SUITE_SETTINGS).where(SUITE_SETTINGS.SUITE_ID.eq(suite.value()))
                .orderBy(SUITE_SETTINGS.VERSION.desc()).fetch(JooqSuiteSettingsRepository::toSettings);
    }

    private static Conflict stale() {
        return new Conflict("stale", "The suite's settings were changed by someone else since they were read. Reload them and try again.");
    }

    private static SuiteSettings toSettings(SuiteSettingsRecord row) {
        try {
            List<GlossaryEntry> glossary = new ArrayList<>();
            for (JsonNode e : JSON.readTree(row.getGlossary().data())) glossary.add(new GlossaryEntry(e.path("term").asText(), e.path("meaning").asText()));
            List<String> examples = new ArrayList<>();
            for (JsonNode e : JSON.readTree(row.getExamples().data())) examples.add(e.asText());
            return new SuiteSettings(new SuiteId(row.getSuiteId()), row.getVersion(),
                    new SuiteGuidance(glossary, examples, row.getInstructions()), Optional.of(row.getAuthor()),
                    Optional.of(row.getCreatedAt().toInstant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored suite settings are not valid JSON", e);
        }
    }
}
