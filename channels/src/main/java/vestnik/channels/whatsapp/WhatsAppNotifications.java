package vestnik.channels.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.InboundEvent.StatusUpdate;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.spi.Sender;

/**
 * Turns one Cloud API webhook POST (already authenticated) into our events; pure, tested against the
 * fixtures. One POST may batch several {@code entry} and {@code changes}: all are read, in order.
 *
 * <ul>
 *   <li>{@code messages[]}: a debtor's message, from {@code +<wa_id>} with the profile name from
 *       {@code contacts[]}; a reply names the message it answers in {@code context.id}.
 *   <li>{@code statuses[]}: receipts keyed by the wamid. Out-of-order and repeated ones are all emitted;
 *       keeping the status monotonic is the gateway's. A {@code failed} whose code {@link WhatsAppErrors}
 *       calls an opt-out (131050, the user stopped marketing messages) is also an {@link OptOut} by phone,
 *       since that is how the gateway learns of it without knowing Meta's codes.
 *   <li>{@code errors[]} (system-level, with no message id): they can move no message's status and the SPI
 *       has no event for them, so they come back as {@link SystemError}s for the webhook to log and count.
 * </ul>
 */
final class WhatsAppNotifications {

    static final String TYPE = "type";
    static final int MAX_DETAIL = 200;

    /** A system-level error Meta reported outside any message: its code and title, no personal data. */
    record SystemError(int code, String title) {
    }

    record Parsed(List<InboundEvent> events, List<SystemError> systemErrors) {
    }

    private WhatsAppNotifications() {
    }

    /**
     * @throws IllegalArgumentException when the body is not a WhatsApp Business Account notification
     */
    static Parsed parse(String channelId, JsonNode root) {
        if (root == null || !"whatsapp_business_account".equals(root.path("object").asText())) {
            throw new IllegalArgumentException("not a whatsapp_business_account notification");
        }
        List<InboundEvent> events = new ArrayList<>();
        List<SystemError> errors = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (!"messages".equals(change.path("field").asText())) {
                    continue;
                }
                JsonNode value = change.path("value");
                String to = plus(text(value.path("metadata"), "display_phone_number"));
                Map<String, String> names = profileNames(value.path("contacts"));
                for (JsonNode message : value.path("messages")) {
                    inbound(channelId, message, to, names).ifPresent(events::add);
                }
                for (JsonNode status : value.path("statuses")) {
                    events.addAll(status(channelId, status));
                }
                for (JsonNode error : value.path("errors")) {
                    errors.add(new SystemError(error.path("code").asInt(), text(error, "title")));
                }
            }
        }
        return new Parsed(events, errors);
    }

    private static Optional<InboundEvent> inbound(String channelId, JsonNode m, String to, Map<String, String> names) {
        String from = text(m, "from");
        String wamid = text(m, "id");
        String type = text(m, "type");
        // "system" notices (the user changed number) are not messages from a debtor
        if (from == null || wamid == null || "system".equals(type)) {
            return Optional.empty();
        }
        String name = names.getOrDefault(from, names.size() == 1 ? names.values().iterator().next() : null);
        Sender sender = new Sender("+" + from, null, null, name);
        Map<String, String> attributes = new LinkedHashMap<>();
        putIfSet(attributes, TYPE, type);
        String replyTo = text(m.path("context"), "id");
        String body = content(m, type == null ? "" : type, attributes);
        if ("reaction".equals(type)) {
            replyTo = text(m.path("reaction"), "message_id");
        }
        return Optional.of(new InboundMessage(channelId, wamid, sender, to, body, epochSeconds(m.get("timestamp")),
                replyTo, null, attributes));
    }

    /** The message's text for the inbox, and what else it carries as attributes. */
    private static String content(JsonNode m, String type, Map<String, String> attributes) {
        switch (type) {
            case "text":
                return text(m.path("text"), "body");
            case "button":
                putIfSet(attributes, "buttonPayload", text(m.path("button"), "payload"));
                return text(m.path("button"), "text");
            case "interactive": {
                JsonNode reply = m.path("interactive").has("button_reply")
                        ? m.path("interactive").path("button_reply") : m.path("interactive").path("list_reply");
                putIfSet(attributes, "replyId", text(reply, "id"));
                return text(reply, "title");
            }
            case "reaction":
                return text(m.path("reaction"), "emoji");
            case "contacts": {
                JsonNode contact = m.path("contacts").path(0);
                String name = text(contact.path("name"), "formatted_name");
                String phone = text(contact.path("phones").path(0), "phone");
                putIfSet(attributes, "contactName", name);
                putIfSet(attributes, "contactPhone", phone);
                putIfSet(attributes, "contactWaId", text(contact.path("phones").path(0), "wa_id"));
                return String.join(" ", name == null ? "" : name, phone == null ? "" : phone).strip();
            }
            case "location": {
                JsonNode location = m.path("location");
                putIfSet(attributes, "latitude", text(location, "latitude"));
                putIfSet(attributes, "longitude", text(location, "longitude"));
                return text(location, "name");
            }
            case "image", "document", "audio", "video", "sticker": {
                JsonNode media = m.path(type);
                putIfSet(attributes, "mediaId", text(media, "id"));
                putIfSet(attributes, "mimeType", text(media, "mime_type"));
                putIfSet(attributes, "fileName", text(media, "filename"));
                return text(media, "caption");
            }
            default:
                return null;
        }
    }

    private static List<InboundEvent> status(String channelId, JsonNode s) {
        String wamid = text(s, "id");
        Optional<MessageStatus> status = WhatsAppStatusMapper.map(text(s, "status"));
        if (wamid == null || status.isEmpty()) {
            return List.of();
        }
        Instant at = epochSeconds(s.get("timestamp"));
        JsonNode error = s.path("errors").path(0);
        String errorCode = error.has("code") ? error.get("code").asText() : null;
        String detail = null;
        if (!error.isMissingNode()) {
            String title = text(error, "title");
            String details = text(error.path("error_data"), "details");
            detail = truncate(details == null ? title : title == null ? details : title + ": " + details);
        }
        StatusUpdate update = new StatusUpdate(channelId, wamid, status.get(), errorCode, detail, at);
        String recipient = text(s, "recipient_id");
        if (status.get() == MessageStatus.FAILED && errorCode != null && recipient != null
                && FailureCodes.RECIPIENT_OPTED_OUT.equals(WhatsAppErrors.forCode(error.path("code").asInt()).code())) {
            OptOut optOut = new OptOut(channelId, Sender.phone("+" + recipient), "whatsapp " + errorCode, at);
            return List.of(update, optOut);
        }
        return List.of(update);
    }

    private static Map<String, String> profileNames(JsonNode contacts) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode c : contacts) {
            String waId = text(c, "wa_id");
            String name = text(c.path("profile"), "name");
            if (waId != null && name != null) {
                names.put(waId, name);
            }
        }
        return names;
    }

    /** Meta gives unix seconds as a string. */
    private static Instant epochSeconds(JsonNode node) {
        if (node == null || node.isNull()) {
            return Instant.now();
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(node.asText().trim()));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    private static String plus(String digits) {
        return digits == null ? null : digits.startsWith("+") ? digits : "+" + digits;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL);
    }
}
