package dev.concierge.adapter.llm.tripsupport;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/**
 * The shapes drafts are answered in. Every property is required and nothing else is allowed, as OpenAI's strict mode
 * demands; "no end time" is an empty string. The domain model, not the schema, decides whether a draft is usable.
 */
final class DraftSchemas {
    static final ResponseFormat ITINERARY = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder()
                    .name("trip_itinerary")
                    .rootElement(JsonObjectSchema.builder()
                            .addProperty("items", JsonArraySchema.builder()
                                    .description("The trip day by day, in time order")
                                    .items(JsonObjectSchema.builder()
                                            .addProperty("date", JsonStringSchema.builder().description("Day of the item, YYYY-MM-DD").build())
                                            .addProperty("start", JsonStringSchema.builder().description("Start time, HH:MM (24 hours)").build())
                                            .addProperty("end", JsonStringSchema.builder().description("End time, HH:MM, or an empty string").build())
                                            .addProperty("kind", JsonEnumSchema.builder()
                                                    .enumValues("transport", "meeting", "hotel", "meal", "free-time").build())
                                            .addStringProperty("title", "Short title, e.g. Shinkansen Nozomi 5 to Osaka")
                                            .addStringProperty("place", "Where: station, address, hotel, or an empty string")
                                            .addStringProperty("notes", "Anything useful, or an empty string")
                                            .required("date", "start", "end", "kind", "title", "place", "notes")
                                            .additionalProperties(false)
                                            .build())
                                    .build())
                            .required("items")
                            .additionalProperties(false)
                            .build())
                    .build())
            .build();

    static final ResponseFormat PREPARATION_NOTES = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder()
                    .name("meeting_preparation_notes")
                    .rootElement(JsonObjectSchema.builder()
                            .addProperty("goals", list("What the visit should achieve"))
                            .addProperty("talkingPoints", list("What to raise in the meeting"))
                            .addProperty("questions", list("Questions to ask the customer"))
                            .addProperty("bring", list("Documents, samples or materials to bring"))
                            .required("goals", "talkingPoints", "questions", "bring")
                            .additionalProperties(false)
                            .build())
                    .build())
            .build();

    private DraftSchemas() {}

    private static JsonArraySchema list(String description) {
        return JsonArraySchema.builder().description(description).items(JsonStringSchema.builder().build()).build();
    }
}
