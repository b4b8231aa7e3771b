package vestnik.channels.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the bodies of Cloud API {@code /messages} requests; pure, checked against the fixtures. */
final class WhatsAppRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WhatsAppRequests() {
    }

    /**
     * The Cloud API's {@code to}: country code and number, digits only. Null when {@code e164} holds no digits.
     */
    static String recipient(String e164) {
        if (e164 == null) {
            return null;
        }
        String digits = e164.chars().filter(c -> c >= '0' && c <= '9')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return digits.isEmpty() ? null : digits;
    }

    /** Free text; Meta delivers it only within 24 hours of the user's last message (the gateway checks that). */
    static ObjectNode text(String to, String text) {
        ObjectNode body = envelope(to);
        body.put("recipient_type", "individual");
        body.put("type", "text");
        ObjectNode t = body.putObject("text");
        t.put("preview_url", false);
        t.put("body", text);
        return body;
    }

    static ObjectNode template(String to, WhatsAppTemplate template) {
        ObjectNode body = envelope(to);
        body.put("type", "template");
        ObjectNode t = body.putObject("template");
        t.put("name", template.name());
        t.putObject("language").put("code", template.language());
        if (!template.components().isEmpty()) {
            ArrayNode components = t.putArray("components");
            template.components().forEach(c -> components.add(component(c)));
        }
        return body;
    }

    private static ObjectNode envelope(String to) {
        ObjectNode body = NODES.objectNode();
        body.put("messaging_product", "whatsapp");
        body.put("to", to);
        return body;
    }

    private static ObjectNode component(WhatsAppTemplate.Component c) {
        ObjectNode node = NODES.objectNode();
        node.put("type", c.type());
        if (c.subType() != null) {
            node.put("sub_type", c.subType());
        }
        if (c.index() != null) {
            node.put("index", c.index());
        }
        if (!c.parameters().isEmpty()) {
            ArrayNode parameters = node.putArray("parameters");
            for (WhatsAppTemplate.Parameter p : c.parameters()) {
                ObjectNode param = parameters.addObject();
                param.put("type", p.type());
                if (p.text() != null) {
                    param.put("text", p.text());
                }
                if (p.payload() != null) {
                    param.put("payload", p.payload());
                }
            }
        }
        return node;
    }
}
