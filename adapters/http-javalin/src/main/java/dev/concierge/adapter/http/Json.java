package dev.concierge.adapter.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Validation;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/** JSON in and out: strict on input (unknown fields, wrong types, nulls for numbers are errors), ISO-8601 times out. */
public final class Json {
    private Json() {}

    public static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
        // A number or boolean where text is expected is a mistake, not something to quietly turn into "5".
        for (var shape : new com.fasterxml.jackson.databind.cfg.CoercionInputShape[] {
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                    .setCoercion(shape, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        }
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("text-without-nul")
                .addDeserializer(String.class, new TextWithoutNul()));
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("iso-offset-date-time")
                .addSerializer(OffsetDateTime.class, new IsoOffsetDateTimeSerializer()));
        // Bounded parsing: a hostile body cannot make the parser build huge numbers or deep trees.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(100).maxStringLength(1_000_000).build());
        return mapper;
    }

    /** Reads the request body as {@code type}, turning every way it can be wrong into a 400 naming the field. */
    public static <T> T read(Context ctx, ObjectMapper mapper, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        Language language = RequestLanguage.of(ctx);
        if (body.length == 0) throw new BadRequest("invalid_json", EdgeTexts.text(language, "edge.json.empty"), List.of());
        requireJsonType(ctx);
        requireUtf8(ctx, body);
        try {
            T value = mapper.readValue(body, type);
            if (value == null) throw new BadRequest("invalid_json", EdgeTexts.text(language, "edge.json.null"), List.of());
            return value;
        } catch (InvalidInput invalid) {
            throw BadRequest.of(invalid);
        } catch (JacksonException e) {
            throw translate(e, language);
        } catch (IOException e) {
            throw new BadRequest("invalid_json", EdgeTexts.text(language, "edge.bodyBroken"), List.of());
        }
    }

    /** {@code application/json}, in UTF-8 if a charset is named: a form or text body is a client's mistake, not JSON. */
    private static void requireJsonType(Context ctx) {
        String header = ctx.header("Content-Type");
        String[] parts = header == null ? new String[] {""} : header.split(";");
        String mime = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean json = mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && parameter.length == 2
                    && !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) json = false;
        }
        if (!json) {
            String given = header == null || header.isBlank() ? "none" : header.strip();
            throw new UnsupportedMediaType(EdgeTexts.text(ctx.header("Accept-Language"), "edge.notJson",
                    given.length() > 100 ? given.substring(0, 100) : given));
        }
    }

    /**
     * Strict UTF-8: Jackson would decode an overlong form ({@code C0 AF}) as {@code /}, slipping past byte-level
     * filters, and an encoded surrogate into text PostgreSQL cannot store; the JDK's decoder refuses both.
     */
    private static void requireUtf8(Context ctx, byte[] body) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.min(body.length, 8192));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                String message = EdgeTexts.text(ctx.header("Accept-Language"), "edge.notUtf8", in.position() + 1);
                throw new BadRequest("invalid_encoding", message, List.of(FieldError.of("body", Params.NOT_UTF8)));
            }
            if (result.isUnderflow()) return;
            out.clear();
        }
    }

    private static BadRequest translate(JacksonException e, Language language) {
        // A validating record constructor throws InvalidInput; Jackson wraps it.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInput invalid) return BadRequest.of(invalid);
            if (t.getCause() == t) break;
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return new BadRequest("invalid_json", EdgeTexts.text(language, "edge.json.trailing"), List.of());
        }
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException)) {
            // the parser's own sentence is English and names our classes: the place is what a person can act on
            var at = e.getLocation();
            return new BadRequest("invalid_json", EdgeTexts.text(language, "edge.json.syntax",
                    at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr())), List.of());
        }
        String field = path((JsonMappingException) e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new BadRequest("invalid_request", "unknown field '" + unknown.getPropertyName() + "'",
                    List.of(FieldError.of(field, Validation.UNKNOWN_FIELD)));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? describe(m.getTargetType()) : "other";
            return new BadRequest("invalid_request", (field.isEmpty() ? "body" : field) + ": wrong type " + expected,
                    List.of(FieldError.of(field.isEmpty() ? "body" : field, Validation.WRONG_TYPE, expected)));
        }
        return new BadRequest("invalid_json", EdgeTexts.text(language, "edge.json.shape"), List.of());
    }

    /** Text as usual, except that NUL, which PostgreSQL cannot store and no person types, is refused naming the field. */
    private static final class TextWithoutNul extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        TextWithoutNul() { super(String.class); }

        @Override public String deserialize(com.fasterxml.jackson.core.JsonParser parser,
                                            com.fasterxml.jackson.databind.DeserializationContext context) throws IOException {
            String value = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                String field = parser.currentName() == null ? "body" : parser.currentName();
                throw InvalidInput.field(field, Params.NUL_CHARACTER);
            }
            if (value != null && hasLoneSurrogate(value)) {
                // an escaped half of a surrogate pair (\ud800) is no character; PostgreSQL would store it as '?'
                String field = parser.currentName() == null ? "body" : parser.currentName();
                throw InvalidInput.field(field, Params.UNPAIRED_SURROGATE);
            }
            return value;
        }

        @Override public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
            return com.fasterxml.jackson.databind.type.LogicalType.Textual;
        }
    }

    static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) i++;
                else return true;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The expected type as a word of the field-error bundles ({@code wrong_type.<word>}), which say it as a person types it. */
    private static String describe(Class<?> type) {
        if (type == String.class) return "text";
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "whole_number";
        if (type == double.class || type == Double.class) return "number";
        if (type == boolean.class || type == Boolean.class) return "boolean";
        if (List.class.isAssignableFrom(type) || type.isArray()) return "array";
        if (type == java.time.LocalDate.class) return "date";
        if (type == java.time.LocalDateTime.class) return "date_time";
        if (type == java.time.LocalTime.class) return "time";
        if (type.getName().startsWith("java.time.")) return "iso_time";
        if (type.isEnum()) return "documented_value";
        return "object";
    }
}
