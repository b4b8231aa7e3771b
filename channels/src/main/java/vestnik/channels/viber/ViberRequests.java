package vestnik.channels.viber;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds the bodies of Viber REST Bot API requests; pure, checked against the fixtures. */
final class ViberRequests {

    /**
     * The callbacks we ask for. {@code message}, {@code subscribed}, {@code unsubscribed} and
     * {@code conversation_started} arrive whatever we list; the receipts only when listed.
     */
    static final List<String> EVENT_TYPES =
            List.of("delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started");

    /** Lowest client API version that shows a plain text message: every Viber client. */
    static final int MIN_API_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ViberRequests() {
    }

    /**
     * A text message. {@code trackingData} (our message id) is echoed back by Viber on the user's next
     * message, which is how a reply finds the message it answers.
     */
    static ObjectNode text(String receiver, String senderName, String senderAvatar, String trackingData, String text) {
        ObjectNode body = NODES.objectNode();
        body.put("receiver", receiver);
        body.put("min_api_version", MIN_API_VERSION);
        ObjectNode sender = body.putObject("sender");
        sender.put("name", senderName);
        if (senderAvatar != null) {
            sender.put("avatar", senderAvatar);
        }
        if (trackingData != null) {
            body.put("tracking_data", trackingData);
        }
        body.put("type", "text");
        body.put("text", text);
        return body;
    }

    /**
     * Asks for the user's name (an agent sees who writes) but not the photo: a picture of the debtor is
     * personal data the gateway has no use for (152-FZ: collect no more than needed).
     */
    static ObjectNode setWebhook(String url) {
        ObjectNode body = NODES.objectNode();
        body.put("url", url);
        EVENT_TYPES.forEach(body.putArray("event_types")::add);
        body.put("send_name", true);
        body.put("send_photo", false);
        return body;
    }
}
