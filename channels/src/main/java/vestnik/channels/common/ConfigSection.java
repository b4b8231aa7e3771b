package vestnik.channels.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds the YAML section of channel {@code <id>} to a config's {@code Section} record (boxed fields, so that
 * an absent key can be told from a zero) and turns Jackson's complaints into errors that name the key as
 * {@code channels.<id>.<key>}: an operator reads at once which line of the file is wrong. A key the record
 * does not know is an error, so that a misspelt optional key cannot pass unnoticed.
 *
 * <p>Each config keeps its own rules (which keys, their defaults and checks); only the binding is here.
 */
public final class ConfigSection {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConfigSection() {
    }

    /** {@code channels.<id>.}: what every key of the channel's section is named after. */
    public static String prefix(String channelId) {
        return "channels." + channelId + ".";
    }

    /**
     * Binds {@code yaml}, which must be a map.
     *
     * @param kind the channel as errors name it, e.g. {@code a telegram channel}
     * @throws IllegalArgumentException {@code channels.<id> must be a map of keys}, {@code channels.<id>.<key> is
     *                                  not a known key of <kind>} or {@code channels.<id>.<key> has the wrong type}
     */
    public static <T> T bind(String channelId, JsonNode yaml, Class<T> type, String kind) {
        String section = "channels." + channelId;
        if (yaml == null || !yaml.isObject()) {
            throw new IllegalArgumentException(section + " must be a map of keys");
        }
        try {
            return STRICT.convertValue(yaml, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                String key = section + "." + path(m);
                if (m instanceof UnrecognizedPropertyException) {
                    throw new IllegalArgumentException(key + " is not a known key of " + kind);
                }
                throw new IllegalArgumentException(key + " has the wrong type");
            }
            throw new IllegalArgumentException(section + " must be a map of keys", e);
        }
    }

    /**
     * Binds {@code yaml} for the configs that word every binding problem alike: unknown key, wrong type or
     * no map at all is {@code channels.<id>.<key> is not valid for <kind>} (the key being {@code <section>}
     * when the whole section is wrong).
     *
     * @return null when there is no section at all, so that the config names its first required key
     */
    public static <T> T bindOrNull(String channelId, JsonNode yaml, Class<T> type, String kind) {
        try {
            return STRICT.convertValue(yaml, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix(channelId) + lastKey(e) + " is not valid for " + kind, e);
        }
    }

    /** Where in the section Jackson stopped: {@code smtp.port}, {@code callerIds.0}. */
    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String lastKey(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException m) {
            List<JsonMappingException.Reference> path = m.getPath();
            if (!path.isEmpty() && path.get(path.size() - 1).getFieldName() != null) {
                return path.get(path.size() - 1).getFieldName();
            }
        }
        return "<section>";
    }
}
