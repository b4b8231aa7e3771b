package vestnik.channels.voicehttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vestnik.channels.common.JsonHttp;

/**
 * The {@code MakeVoiceMessage} body and the id in its answer (exolve-makevoicemessage*.json). Numbers are
 * digits with the country code and no '+', as the provider wants them.
 */
final class VoiceHttpRequests {

    static final String MAKE_VOICE_MESSAGE = "/call/v1/MakeVoiceMessage";

    private VoiceHttpRequests() {
    }

    /** A call playing a prepared voice message: {@code {"source","destination","service_id"}}. */
    static ObjectNode prepared(String source, String destinationE164, String serviceId) {
        ObjectNode body = base(source, destinationE164);
        body.put("service_id", serviceId);
        return body;
    }

    /** A call speaking {@code text}: {@code {"source","destination","tts":{"text","voice","lang"}}}. */
    static ObjectNode spoken(String source, String destinationE164, String text, String voice, String language) {
        ObjectNode body = base(source, destinationE164);
        ObjectNode tts = body.putObject("tts");
        tts.put("text", text);
        if (voice != null) {
            tts.put("voice", voice);
        }
        tts.put("lang", language);
        return body;
    }

    private static ObjectNode base(String source, String destinationE164) {
        ObjectNode body = JsonHttp.MAPPER.createObjectNode();
        body.put("source", source);
        body.put("destination", digits(destinationE164));
        return body;
    }

    static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }

    /**
     * The provider's {@code call_id}, string or number (kept with every digit, never through a double), or
     * null when the answer has none.
     */
    static String callId(JsonNode reply) {
        JsonNode id = reply == null ? null : reply.get("call_id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isIntegralNumber()) {
            return id.bigIntegerValue().toString();
        }
        String text = id.asText("").trim();
        return text.isEmpty() || id.isContainerNode() ? null : text;
    }
}
