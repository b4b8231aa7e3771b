package vestnik.channels.viber;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.LinkRequest;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.InboundEvent.StatusUpdate;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.spi.Sender;

/**
 * Turns one Viber callback (already authenticated) into our events; pure, tested against the fixtures.
 *
 * <ul>
 *   <li>{@code message}: a debtor's message. Viber echoes the {@code tracking_data} of our last message to
 *       that user, which we set to our message id, so it is kept as the attribute {@value #TRACKING_DATA}.
 *   <li>{@code delivered}, {@code seen}, {@code failed}: receipts keyed by {@code message_token}; every device
 *       sends its own, so duplicates are expected and share a dedup key.
 *   <li>{@code conversation_started} with a {@code context}: the user opened the bot through our deep link
 *       {@code viber://pa?chatURI=..&context=<token>}, a request to bind this user to a contact.
 *   <li>{@code unsubscribed}: an opt-out of this channel.
 *   <li>{@code webhook} (set_webhook's probe), {@code subscribed} (carries no link token, so it binds
 *       nobody), {@code client_status}, {@code action} and anything new: nothing to store.
 * </ul>
 */
final class ViberCallbacks {

    /** The attribute holding Viber's echo of our {@code tracking_data}: the id of our message the user answers. */
    static final String TRACKING_DATA = "trackingData";
    static final String TYPE = "type";
    static final int MAX_DETAIL = 200;

    private ViberCallbacks() {
    }

    /**
     * @throws IllegalArgumentException when the body is not a Viber callback at all (no {@code event})
     */
    static List<InboundEvent> parse(String channelId, JsonNode root) {
        String event = ViberJson.text(root, "event");
        if (event == null) {
            throw new IllegalArgumentException("a Viber callback without 'event'");
        }
        Instant at = epochMillis(root.get("timestamp"));
        Optional<MessageStatus> receipt = ViberStatusMapper.map(event);
        if (receipt.isPresent()) {
            return statusUpdate(channelId, root, receipt.get(), at);
        }
        return switch (event) {
            case "message" -> message(channelId, root, at);
            case "conversation_started" -> linkRequest(channelId, root, at);
            case "unsubscribed" -> optOut(channelId, root, at);
            default -> List.of();
        };
    }

    private static List<InboundEvent> statusUpdate(String channelId, JsonNode root, MessageStatus status, Instant at) {
        String token = ViberJson.exactId(root.get("message_token"));
        if (token == null) {
            return List.of();
        }
        String desc = ViberJson.text(root, "desc");
        return List.of(new StatusUpdate(channelId, token, status, null, truncate(desc), at));
    }

    private static List<InboundEvent> message(String channelId, JsonNode root, Instant at) {
        JsonNode sender = root.path("sender");
        String userId = ViberJson.text(sender, "id");
        if (userId == null) {
            return List.of();
        }
        JsonNode message = root.path("message");
        String type = ViberJson.text(message, "type");
        Map<String, String> attributes = new LinkedHashMap<>();
        putIfSet(attributes, TYPE, type);
        putIfSet(attributes, TRACKING_DATA, ViberJson.text(message, "tracking_data"));
        String text = ViberJson.text(message, "text");
        if ("contact".equals(type)) {
            JsonNode contact = message.path("contact");
            String name = ViberJson.text(contact, "name");
            String phone = ViberJson.text(contact, "phone_number");
            putIfSet(attributes, "contactName", name);
            putIfSet(attributes, "contactPhone", phone);
            text = String.join(" ", nonNull(name), nonNull(phone)).strip();
        } else if ("location".equals(type)) {
            JsonNode location = message.path("location");
            putIfSet(attributes, "latitude", ViberJson.text(location, "lat"));
            putIfSet(attributes, "longitude", ViberJson.text(location, "lon"));
        } else {
            putIfSet(attributes, "mediaUrl", ViberJson.text(message, "media"));
            putIfSet(attributes, "fileName", ViberJson.text(message, "file_name"));
        }
        Sender from = new Sender(null, null, userId, ViberJson.text(sender, "name"));
        String token = ViberJson.exactId(root.get("message_token"));
        return List.of(new InboundMessage(channelId, token, from, null, text, at, null, null, attributes));
    }

    private static List<InboundEvent> linkRequest(String channelId, JsonNode root, Instant at) {
        String context = ViberJson.text(root, "context");
        JsonNode user = root.path("user");
        String userId = ViberJson.text(user, "id");
        if (context == null || context.isBlank() || userId == null) {
            return List.of();
        }
        Sender who = new Sender(null, null, userId, ViberJson.text(user, "name"));
        return List.of(new LinkRequest(channelId, who, context, null, at));
    }

    private static List<InboundEvent> optOut(String channelId, JsonNode root, Instant at) {
        String userId = ViberJson.text(root, "user_id");
        if (userId == null) {
            return List.of();
        }
        return List.of(new OptOut(channelId, new Sender(null, null, userId, null), "viber unsubscribed", at));
    }

    private static Instant epochMillis(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return Instant.now();
        }
        return Instant.ofEpochMilli(node.longValue());
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL);
    }
}
