package vestnik.gateway.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One status change to tell an upstream system of, as the status scripts recorded it: self-contained,
 * so it can still be delivered after the message itself was deleted. {@code seq} numbers the events of
 * one message from 1, so {@code eventId} ({@code <messageId>:<seq>}) is stable across retries and
 * orders a message's events; {@code createdMs} is when the change happened (the stream entry's time),
 * from which the give-up deadline counts.
 */
public record CallbackEvent(
        String messageId,
        long seq,
        String tenantId,
        String url,
        String externalId,
        String status,
        String channel,
        String at,
        String detail,
        String errorCode,
        String errorClass,
        String errorProviderCode,
        long createdMs,
        int attempts) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String eventId() {
        return messageId + ":" + seq;
    }

    public Instant created() {
        return Instant.ofEpochMilli(createdMs);
    }

    public CallbackEvent withAttempts(int n) {
        return new CallbackEvent(messageId, seq, tenantId, url, externalId, status, channel, at, detail, errorCode,
                errorClass, errorProviderCode, createdMs, n);
    }

    /** The event from a callback stream entry; empty for an entry that lacks what a callback needs. */
    public static Optional<CallbackEvent> fromStream(String entryId, Map<String, String> f) {
        if (f == null || f.get("id") == null || f.get("u") == null || f.get("t") == null || f.get("st") == null) {
            return Optional.empty();
        }
        long seq;
        long created;
        try {
            seq = Long.parseLong(f.get("n"));
            created = Long.parseLong(entryId.substring(0, entryId.indexOf('-')));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new CallbackEvent(f.get("id"), seq, f.get("t"), f.get("u"), f.get("x"), f.get("st"),
                f.get("c"), f.get("at"), f.get("d"), f.get("ec"), f.get("ecl"), f.get("epc"), created, 0));
    }

    /** What the upstream receives: the documented fields in a fixed order, absent ones as null. */
    public byte[] body() {
        ObjectNode n = JSON.createObjectNode();
        n.put("eventId", eventId());
        n.put("messageId", messageId);
        n.put("externalId", externalId);
        n.put("status", status);
        n.put("channel", channel);
        n.put("at", at);
        n.put("detail", detail);
        if (errorCode == null) {
            n.putNull("error");
        } else {
            ObjectNode error = n.putObject("error");
            error.put("code", errorCode);
            error.put("class", errorClass);
            error.put("providerCode", errorProviderCode);
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The form kept in a message's callback queue; {@code eventId} first, which the Lua steps compare. */
    public String stored() {
        ObjectNode n = JSON.createObjectNode();
        n.put("eventId", eventId());
        n.put("messageId", messageId);
        n.put("seq", seq);
        n.put("tenant", tenantId);
        n.put("url", url);
        n.put("externalId", externalId);
        n.put("status", status);
        n.put("channel", channel);
        n.put("at", at);
        n.put("detail", detail);
        n.put("errorCode", errorCode);
        n.put("errorClass", errorClass);
        n.put("errorProviderCode", errorProviderCode);
        n.put("created", createdMs);
        n.put("attempts", attempts);
        return n.toString();
    }

    public static Optional<CallbackEvent> fromStored(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return Optional.of(new CallbackEvent(text(n, "messageId"), n.path("seq").asLong(), text(n, "tenant"),
                    text(n, "url"), text(n, "externalId"), text(n, "status"), text(n, "channel"), text(n, "at"),
                    text(n, "detail"), text(n, "errorCode"), text(n, "errorClass"), text(n, "errorProviderCode"),
                    n.path("created").asLong(), n.path("attempts").asInt()));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
