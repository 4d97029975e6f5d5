package dev.concierge.adapter.llm.testcasegeneration;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

/** The second pass's answer: {@code {"findings":[{"step":2,"problem":"…"}]}}, step 0 for the procedure as a whole. */
final class ReviewSchema {
    static final ResponseFormat RESPONSE_FORMAT = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder()
                    .name("procedure_review")
                    .rootElement(JsonObjectSchema.builder()
                            .addProperty("findings", JsonArraySchema.builder()
                                    .description("What is wrong with the procedure; empty when nothing is")
                                    .items(JsonObjectSchema.builder()
                                            .addIntegerProperty("step", "The step number the problem is about, or 0 for the whole procedure")
                                            .addStringProperty("problem", "The problem, in one sentence")
                                            .required("step", "problem")
                                            .additionalProperties(false)
                                            .build())
                                    .build())
                            .required("findings")
                            .additionalProperties(false)
                            .build())
                    .build())
            .build();

    private ReviewSchema() {}
}
