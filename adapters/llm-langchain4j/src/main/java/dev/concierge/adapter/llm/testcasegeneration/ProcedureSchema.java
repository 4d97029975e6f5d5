package dev.concierge.adapter.llm.testcasegeneration;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

/**
 * The shape the model must answer in: {@code {"steps":[{"action","expectedResult","testData"}]}}. Every property is
 * required and nothing else is allowed, as OpenAI's strict mode demands; "no test data" is an empty string.
 */
final class ProcedureSchema {
    /** Recorded with each generated revision; change it when the shape below changes. */
    static final String VERSION = "test_procedure-v1";
    static final ResponseFormat RESPONSE_FORMAT = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder()
                    .name("test_procedure")
                    .rootElement(JsonObjectSchema.builder()
                            .addProperty("steps", JsonArraySchema.builder()
                                    .description("The steps in the order the tester performs them")
                                    .items(JsonObjectSchema.builder()
                                            .addStringProperty("action", "What the tester does")
                                            .addStringProperty("expectedResult", "What the tester should observe afterwards")
                                            .addStringProperty("testData", "Concrete input values for this step, or an empty string")
                                            .required("action", "expectedResult", "testData")
                                            .additionalProperties(false)
                                            .build())
                                    .build())
                            .required("steps")
                            .additionalProperties(false)
                            .build())
                    .build())
            .build();

    private ProcedureSchema() {}
}
