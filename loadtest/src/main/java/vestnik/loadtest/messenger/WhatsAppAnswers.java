package vestnik.loadtest.messenger;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Cloud API response bodies: the accepted send with its wamid, and Graph error envelopes. */
final class WhatsAppAnswers {

    private WhatsAppAnswers() {
    }

    static JsonObject sent(String to, long sequence) {
        return new JsonObject().put("messaging_product", "whatsapp")
                .put("contacts", new JsonArray().add(new JsonObject().put("input", to).put("wa_id", to)))
                .put("messages", new JsonArray().add(new JsonObject().put("id", wamid(to, sequence))));
    }

    /** A wamid looks like base64 of the recipient and a message key; ours is unique per stub run and sequence. */
    static String wamid(String to, long sequence) {
        String raw = to + "\u0015\u0002\u0000\u0011\u0018\u0012" + String.format("%016X", sequence);
        return "wamid." + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    static JsonObject rateLimitHit() {
        return error(130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.");
    }

    static JsonObject serviceUnavailable() {
        return error(131016, "(#131016) Service unavailable", "A service is temporarily unavailable.");
    }

    static JsonObject invalidParameter(String details) {
        return error(100, "(#100) Invalid parameter", details);
    }

    private static JsonObject error(int code, String message, String details) {
        return new JsonObject().put("error", new JsonObject().put("message", message).put("type", "OAuthException")
                .put("code", code)
                .put("error_data", new JsonObject().put("messaging_product", "whatsapp").put("details", details))
                .put("fbtrace_id", "AvestnikStub"));
    }
}
