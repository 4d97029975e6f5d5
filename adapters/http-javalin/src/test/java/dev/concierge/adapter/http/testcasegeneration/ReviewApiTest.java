package dev.concierge.adapter.http.testcasegeneration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewApiTest extends TestCaseGenerationHttpTest {
    private static final String STEPS = "[{\"action\":\"Open the login page\",\"expectedResult\":\"The form is shown\"},"
            + "{\"action\":\"Sign in as bob\",\"expectedResult\":\"The dashboard opens\",\"testData\":\"bob / pw\"}]";

    @Test void an_edited_procedure_becomes_a_new_revision_with_the_steps_in_order() {
        var c = generatedCase(createSuite("Login"), "TC-001");
        long id = c.get("id").asLong();

        var answer = http.put("/api/test-cases/" + id + "/procedure", "{\"steps\":" + STEPS + ",\"version\":" + c.get("version") + "}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        var procedure = answer.json().get("procedure");
        assertThat(procedure.get("number").asInt()).isEqualTo(2);
        assertThat(procedure.get("kind").asText()).isEqualTo("edited");
        assertThat(procedure.get("steps").get(1).get("action").asText()).isEqualTo("Sign in as bob");
        assertThat(procedure.get("steps").get(1).get("testData").asText()).isEqualTo("bob / pw");
        assertThat(procedure.get("steps").get(0).get("testData").isNull()).isTrue();
    }

    @Test void invalid_steps_are_400_naming_each_step_and_change_nothing() {
        var c = generatedCase(createSuite("Login"), "TC-001");
        long id = c.get("id").asLong();
        String version = c.get("version").asText();

        var blank = http.put("/api/test-cases/" + id + "/procedure",
                "{\"steps\":[{\"action\":\" \",\"expectedResult\":\"ok\"}],\"version\":" + version + "}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.errorFields()).contains("steps[0].action");
        assertThat(http.put("/api/test-cases/" + id + "/procedure", "{\"steps\":[],\"version\":" + version + "}").errorFields()).contains("steps");
        assertThat(http.put("/api/test-cases/" + id + "/procedure", "{\"version\":" + version + "}").errorFields()).contains("steps");
        assertThat(http.put("/api/test-cases/" + id + "/procedure", "{\"steps\":[null],\"version\":" + version + "}").errorFields()).contains("steps[0]");
        assertThat(http.put("/api/test-cases/" + id + "/procedure", "{\"steps\":[{\"action\":\"a\",\"expectedResult\":\"b\",\"note\":1}],\"version\":" + version + "}")
                .status()).isEqualTo(400);
        assertThat(http.put("/api/test-cases/" + id + "/procedure", "{\"steps\":" + STEPS + "}").errorFields()).contains("version");
        assertThat(http.put("/api/test-cases/" + id + "/procedure", "{\"steps\":" + STEPS + ",\"version\":0}").status()).isEqualTo(409);
        assertThat(http.get("/api/test-cases/" + id).json().get("procedure").get("number").asInt()).isEqualTo(1);
    }

    @Test void a_draft_has_no_procedure_to_edit_or_approve() {
        long id = createCase(createSuite("Login"), "TC-001", "Sign in").get("id").asLong();

        var edit = http.put("/api/test-cases/" + id + "/procedure", "{\"steps\":" + STEPS + ",\"version\":1}");
        assertThat(edit.status()).isEqualTo(422);
        assertThat(edit.errorCode()).isEqualTo("no_procedure_to_edit");
        assertThat(http.post("/api/test-cases/" + id + "/approve", "{\"version\":1}").errorCode()).isEqualTo("not_generated");
        assertThat(http.post("/api/test-cases/" + id + "/reopen", "{\"version\":1}").errorCode()).isEqualTo("not_approved");
    }

    @Test void approving_locks_the_procedure_until_it_is_reopened() {
        var c = generatedCase(createSuite("Login"), "TC-001");
        long id = c.get("id").asLong();

        var approved = http.post("/api/test-cases/" + id + "/approve", "{\"version\":" + c.get("version") + "}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("approved");
        long version = approved.json().get("version").asLong();
        assertThat(http.put("/api/test-cases/" + id + "/procedure", "{\"steps\":" + STEPS + ",\"version\":" + version + "}").errorCode())
                .isEqualTo("approved_locked");
        assertThat(http.post("/api/test-cases/" + id + "/generate", null).errorCode()).isEqualTo("not_generatable");

        var reopened = http.post("/api/test-cases/" + id + "/reopen", "{\"version\":" + version + "}");
        assertThat(reopened.json().get("status").asText()).isEqualTo("generated");
    }

    @Test void a_rejected_procedure_goes_back_to_draft_with_the_reviewers_reason() {
        var c = generatedCase(createSuite("Login"), "TC-001");
        long id = c.get("id").asLong();

        var rejected = http.post("/api/test-cases/" + id + "/reject", "{\"reason\":\"Step 2 misses the error case\",\"version\":" + c.get("version") + "}");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asText()).isEqualTo("draft");
        assertThat(rejected.json().get("reviewerFeedback").asText()).isEqualTo("Step 2 misses the error case");
    }

    @Test void review_actions_refuse_bad_bodies_and_unknown_cases() {
        var c = generatedCase(createSuite("Login"), "TC-001");
        long id = c.get("id").asLong();

        assertThat(http.post("/api/test-cases/" + id + "/approve", "{}").errorFields()).contains("version");
        assertThat(http.post("/api/test-cases/" + id + "/approve", null).errorCode()).isEqualTo("invalid_json");
        assertThat(http.post("/api/test-cases/" + id + "/approve", "{\"version\":true}").errorFields()).contains("version");
        assertThat(http.post("/api/test-cases/" + id + "/reject", "{\"reason\":5,\"version\":1}").errorFields()).contains("reason");
        assertThat(http.post("/api/test-cases/" + id + "/reopen", "{\"version\":1,\"why\":\"x\"}").errorFields()).contains("why");
        assertThat(http.post("/api/test-cases/404/approve", "{\"version\":1}").status()).isEqualTo(404);
        assertThat(http.post("/api/test-cases/-1/approve", "{\"version\":1}").status()).isEqualTo(400);
        assertThat(http.get("/api/test-cases/" + id).json().get("status").asText()).isEqualTo("generated");
    }

    @Test void regenerating_one_case_starts_a_batch_of_one() {
        var c = generatedCase(createSuite("Login"), "TC-001");
        long id = c.get("id").asLong();

        var batch = http.post("/api/test-cases/" + id + "/generate", null);

        assertThat(batch.status()).isEqualTo(201);
        assertThat(batch.json().get("size").asInt()).isEqualTo(1);
        assertThat(http.get("/api/test-cases/" + id).json().get("status").asText()).isEqualTo("queued");
        assertThat(http.post("/api/test-cases/" + id + "/generate", null).errorCode()).isEqualTo("not_generatable");
    }

    @Test void without_a_model_generation_is_503_in_words_for_the_user_and_queues_nothing() {
        long id = createCase(createSuite("Login"), "TC-001", "Sign in").get("id").asLong();
        useCases.modelAvailable = false;

        var answer = http.post("/api/test-cases/" + id + "/generate", null);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.errorCode()).isEqualTo("llm_unavailable");
        // Which server and setting are the operators' business (log, /health), not the reader's.
        assertThat(answer.json().get("error").get("message").asText()).startsWith("The AI model is not available right now")
                .doesNotContain("Ollama").doesNotContain("LLM_PROVIDER").doesNotContain("http");
        var japanese = http.send(http.request("/api/test-cases/" + id + "/generate").header("Accept-Language", "ja")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(japanese.json().get("error").get("message").asText()).startsWith("AI モデルは現在利用できません");
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(http.get("/api/test-cases/" + id).json().get("status").asText()).isEqualTo("draft");
    }
}
