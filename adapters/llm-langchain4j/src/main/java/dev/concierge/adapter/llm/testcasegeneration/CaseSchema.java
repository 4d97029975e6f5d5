package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.CaseKind;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

import java.util.Arrays;

/**
 * The shape of generated cases: {@code {"cases":[{"kind","title","preconditions","expectedResult","criteria":[…],
 * "steps":[{"action","expectedResult","testData","criteria":[…]}]}]}}. Criteria are an enum of the requirement's own
 * codes, so a model that follows the schema cannot cite one that does not exist; the domain still checks.
 */
final class CaseSchema {
    /** Recorded with each generated revision; change it when the shape below changes. */
    static final String VERSION = "test_cases-v1";

    private CaseSchema() {}

    static ResponseFormat forRequirement(Requirement requirement) {
        String[] codes = requirement.content().criteria().stream().map(AcceptanceCriterion::code).toArray(String[]::new);
        JsonArraySchema criteria = JsonArraySchema.builder()
                .description("Codes of the acceptance criteria verified")
                .items(JsonEnumSchema.builder().enumValues(codes).build())
                .build();
        JsonObjectSchema step = JsonObjectSchema.builder()
                .addStringProperty("action", "What the tester does")
                .addStringProperty("expectedResult", "What the tester should observe afterwards")
                .addStringProperty("testData", "Concrete input values for this step, or an empty string")
                .addProperty("criteria", criteria)
                .required("action", "expectedResult", "testData", "criteria")
                .additionalProperties(false)
                .build();
        JsonObjectSchema testCase = JsonObjectSchema.builder()
                .addProperty("kind", JsonEnumSchema.builder().enumValues(Arrays.stream(CaseKind.values()).map(CaseKind::wireName).toList()).build())
                .addStringProperty("title", "What the case checks, in one line")
                .addStringProperty("preconditions", "What must hold before the first step, or an empty string")
                .addStringProperty("expectedResult", "The overall result that shows the criteria are met")
                .addProperty("criteria", criteria)
                .addProperty("steps", JsonArraySchema.builder().description("The steps in the order the tester performs them").items(step).build())
                .required("kind", "title", "preconditions", "expectedResult", "criteria", "steps")
                .additionalProperties(false)
                .build();
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder()
                        .name("test_cases")
                        .rootElement(JsonObjectSchema.builder()
                                .addProperty("cases", JsonArraySchema.builder().items(testCase).build())
                                .required("cases")
                                .additionalProperties(false)
                                .build())
                        .build())
                .build();
    }
}
