package dev.concierge.adapter.persistence.testcasegeneration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.ModelFinding;
import dev.concierge.domain.testcasegeneration.model.ProcedureQuality.ModelReview;
import dev.concierge.domain.testcasegeneration.model.ProcedureScore;
import dev.concierge.domain.testcasegeneration.model.StepFinding;
import dev.concierge.domain.testcasegeneration.model.StepReview;
import dev.concierge.domain.testcasegeneration.model.StepRule;
import dev.concierge.domain.testcasegeneration.model.StepVerdict;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureQualityRepository;
import org.jooq.JSONB;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.MODEL_REVIEWS;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.PROCEDURE_SCORES;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.STEP_REVIEWS;

/** Scores, model findings and step reviews per revision; the findings as small jsonb arrays beside the score. */
final class JooqProcedureQualityRepository implements ProcedureQualityRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JooqTransactions transactions;

    JooqProcedureQualityRepository(JooqTransactions transactions) { this.transactions = transactions; }

    @Override public void saveScore(TestCaseId testCase, int revision, ProcedureScore score) {
        JSONB findings = findings(score.findings());
        transactions.dsl().insertInto(PROCEDURE_SCORES)
                .set(PROCEDURE_SCORES.CASE_ID, testCase.value())
                .set(PROCEDURE_SCORES.REVISION, revision)
                .set(PROCEDURE_SCORES.SCORE, (short) score.score())
                .set(PROCEDURE_SCORES.FINDINGS, findings)
                .onConflict(PROCEDURE_SCORES.CASE_ID, PROCEDURE_SCORES.REVISION).doUpdate()
                .set(PROCEDURE_SCORES.SCORE, (short) score.score())
                .set(PROCEDURE_SCORES.FINDINGS, findings)
                .execute();
    }

    @Override public Optional<ProcedureScore> score(TestCaseId testCase, int revision) {
        return transactions.dsl().selectFrom(PROCEDURE_SCORES)
                .where(PROCEDURE_SCORES.CASE_ID.eq(testCase.value()).and(PROCEDURE_SCORES.REVISION.eq(revision)))
                .fetchOptional(row -> new ProcedureScore(row.getScore(), readFindings(row.getFindings())));
    }

    @Override public void saveModelReview(TestCaseId testCase, int revision, ModelReview review) {
        ArrayNode array = JSON.createArrayNode();
        for (ModelFinding finding : review.findings()) {
            ObjectNode node = array.addObject();
            finding.step().ifPresent(step -> node.put("step", step));
            node.put("text", finding.text());
        }
        JSONB findings = JSONB.valueOf(array.toString());
        transactions.dsl().insertInto(MODEL_REVIEWS)
                .set(MODEL_REVIEWS.CASE_ID, testCase.value())
                .set(MODEL_REVIEWS.REVISION, revision)
                .set(MODEL_REVIEWS.FINDINGS, findings)
                .set(MODEL_REVIEWS.REVIEWED_AT, StoredTimes.utc(review.at()))
                .onConflict(MODEL_REVIEWS.CASE_ID, MODEL_REVIEWS.REVISION).doUpdate()
                .set(MODEL_REVIEWS.FINDINGS, findings)
                .set(MODEL_REVIEWS.REVIEWED_AT, StoredTimes.utc(review.at()))
                .execute();
    }

    @Override public Optional<ModelReview> modelReview(TestCaseId testCase, int revision) {
        return transactions.dsl().selectFrom(MODEL_REVIEWS)
                .where(MODEL_REVIEWS.CASE_ID.eq(testCase.value()).and(MODEL_REVIEWS.REVISION.eq(revision)))
                .fetchOptional(row -> {
                    List<ModelFinding> findings = new ArrayList<>();
                    for (JsonNode node : tree(row.getFindings())) {
                        findings.add(new ModelFinding(node.hasNonNull("step") ? Optional.of(node.get("step").asInt()) : Optional.empty(),
                                node.path("text").asText("")));
                    }
                    return new ModelReview(findings, row.getReviewedAt().toInstant());
                });
    }

    @Override public void addStepReview(TestCaseId testCase, StepReview review) {
        transactions.dsl().insertInto(STEP_REVIEWS)
                .set(STEP_REVIEWS.CASE_ID, testCase.value())
                .set(STEP_REVIEWS.REVISION, review.revision())
                .set(STEP_REVIEWS.STEP, review.step())
                .set(STEP_REVIEWS.VERDICT, review.verdict().wireName())
                .set(STEP_REVIEWS.NOTE, review.note())
                .set(STEP_REVIEWS.REVIEWER, review.reviewer().value())
                .set(STEP_REVIEWS.CREATED_AT, StoredTimes.utc(review.at()))
                .execute();
    }

    @Override public List<StepReview> stepReviews(TestCaseId testCase, int revision) {
        return transactions.dsl().selectFrom(STEP_REVIEWS)
                .where(STEP_REVIEWS.CASE_ID.eq(testCase.value()).and(STEP_REVIEWS.REVISION.eq(revision)))
                .orderBy(STEP_REVIEWS.ID)
                .fetch(row -> new StepReview(row.getRevision(), row.getStep(), StepVerdict.parse(row.getVerdict()), row.getNote(),
                        new UserId(row.getReviewer()), row.getCreatedAt().toInstant()));
    }

    private static JSONB findings(List<StepFinding> findings) {
        ArrayNode array = JSON.createArrayNode();
        for (StepFinding finding : findings) {
            ObjectNode node = array.addObject().put("step", finding.step()).put("field", finding.field()).put("rule", finding.rule().wireName());
            ArrayNode args = node.putArray("args");
            finding.args().forEach(args::add);
        }
        return JSONB.valueOf(array.toString());
    }

    private static List<StepFinding> readFindings(JSONB stored) {
        List<StepFinding> findings = new ArrayList<>();
        for (JsonNode node : tree(stored)) {
            List<String> args = new ArrayList<>();
            node.path("args").forEach(arg -> args.add(arg.asText()));
            findings.add(new StepFinding(node.path("step").asInt(), node.path("field").asText(),
                    StepRule.valueOf(node.path("rule").asText().toUpperCase(Locale.ROOT)), args));
        }
        return findings;
    }

    private static JsonNode tree(JSONB stored) {
        try {
            return JSON.readTree(stored.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored findings are not valid JSON", e);
        }
    }
}
