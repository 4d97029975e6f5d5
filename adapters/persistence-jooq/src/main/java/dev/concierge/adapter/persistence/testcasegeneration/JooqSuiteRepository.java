package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.test_case_generation.tables.records.SuitesRecord;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import org.jooq.Field;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.SUITES;
import static org.jooq.impl.DSL.count;

final class JooqSuiteRepository implements SuiteRepository {
    private static final Field<Integer> TOTAL = count().over().as("total");

    private final JooqTransactions transactions;

    JooqSuiteRepository(JooqTransactions transactions) { this.transactions = transactions; }

    @Override public Suite create(NewSuite suite, String team, UserId createdBy, Instant at) {
        return transactions.dsl().insertInto(SUITES)
                .set(SUITES.NAME, suite.name())
                .set(SUITES.DESCRIPTION, suite.description())
                .set(SUITES.TEAM, team)
                .set(SUITES.CREATED_BY, createdBy.value())
                .set(SUITES.CREATED_AT, StoredTimes.utc(at))
                .returning()
                .fetchSingle(JooqSuiteRepository::toSuite);
    }

    @Override public Optional<Suite> find(SuiteId id) {
        return transactions.dsl().selectFrom(SUITES).where(SUITES.ID.eq(id.value())).fetchOptional(JooqSuiteRepository::toSuite);
    }

    @Override public Page<Suite> list(Set<String> teams, PageRequest page) {
        if (teams.isEmpty()) return new Page<>(java.util.List.of(), 0);
        var rows = transactions.dsl().select(SUITES.fields()).select(TOTAL)
                .from(SUITES)
                .where(SUITES.TEAM.in(teams))
                .orderBy(SUITES.CREATED_AT.desc(), SUITES.ID.desc())
                .limit(page.limit())
                .offset(page.offset())
                .fetch();
        long total = rows.isEmpty()
                ? (page.offset() == 0 ? 0 : transactions.dsl().fetchCount(SUITES, SUITES.TEAM.in(teams)))
                : rows.getFirst().get(TOTAL);
        return new Page<>(rows.map(row -> toSuite(row.into(SUITES))), total);
    }

    private static Suite toSuite(SuitesRecord row) {
        return new Suite(new SuiteId(row.getId()), row.getName(), row.getDescription(), row.getTeam(),
                new UserId(row.getCreatedBy()), row.getCreatedAt().toInstant());
    }
}
