package vestnik.gateway.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.templates.model.TemplateContent;
import vestnik.templates.model.VariableSpec;

/**
 * The template model in JSON: strict for what callers send (an unknown field or channel is an error naming it),
 * tolerant for what the store holds (a history written by a newer gateway still loads).
 */
public final class TemplateJson {

    /** Variable names must be usable in a template text ({@code {{amount}}}) and in a job's {@code variables}. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    static final ObjectMapper STORED = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // prices keep their kopecks in answers: 7.00, not 7
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private TemplateJson() {
    }

    public static ObjectMapper mapper() {
        return STORED;
    }

    /** The body of {@code PUT /v1/templates/{key}}. @throws ApiError {@code invalid_template} naming the field */
    public static TemplateContent content(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiError(ErrorCode.INVALID_TEMPLATE,
                    "the body must be a template object such as {\"variables\":{…},\"channels\":{\"sms\":{\"text\":\"…\"}}}");
        }
        TemplateContent content;
        try {
            content = STRICT.treeToValue(body, TemplateContent.class);
        } catch (JsonProcessingException e) {
            throw new ApiError(ErrorCode.INVALID_TEMPLATE, describe(e));
        }
        for (Map.Entry<String, VariableSpec> v : content.variables().entrySet()) {
            if (!VARIABLE_NAME.matcher(v.getKey()).matches()) {
                throw new ApiError(ErrorCode.INVALID_TEMPLATE, "variables." + v.getKey()
                        + ": a variable name is a letter or '_' followed by letters, digits or '_' (at most 64)");
            }
            if (v.getValue() == null) {
                throw new ApiError(ErrorCode.INVALID_TEMPLATE, "variables." + v.getKey()
                        + " needs a type: string, money, date, phone, url or integer");
            }
        }
        return content;
    }

    /**
     * A job's or a preview's {@code variables} as plain values (text, exact decimals, whole numbers); absent is empty.
     *
     * @throws ApiError {@code validation_failed} when it is not an object
     */
    public static Map<String, Object> variables(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, field + " must be an object of variable values, e.g. "
                    + "{\"amount\":\"1234.50\",\"due\":\"2026-11-25\"}");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getValue())));
        return values;
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        // objects and lists are refused by the renderer with the variable's name
        return STRICT.convertValue(v, Object.class);
    }

    private static String shape(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** "channels.pigeon: unknown field" rather than Jackson's paragraph about reference chains. */
    private static String describe(JsonProcessingException e) {
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") + ": ";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return where + "unknown field; known here: " + u.getKnownPropertyIds();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && e.getCause() == null) {
            return where + "expected " + shape(m.getTargetType());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException || root instanceof NullPointerException) {
            return where + root.getMessage();
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        return where + (cut > 0 ? message.substring(0, cut) : message);
    }
}
