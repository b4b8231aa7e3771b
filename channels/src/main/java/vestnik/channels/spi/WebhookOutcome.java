package vestnik.channels.spi;

import java.util.List;

/**
 * What a channel made of a webhook request: the answer to give the provider and the events to store
 * first. An unauthenticated request yields status 401 and no events.
 */
public record WebhookOutcome(int status, String contentType, String body, List<InboundEvent> events) {

    public WebhookOutcome {
        events = events == null ? List.of() : List.copyOf(events);
        body = body == null ? "" : body;
        contentType = contentType == null ? "text/plain" : contentType;
    }

    public static WebhookOutcome ok(List<InboundEvent> events) {
        return new WebhookOutcome(200, "text/plain", "", events);
    }

    public static WebhookOutcome unauthorized() {
        return new WebhookOutcome(401, "text/plain", "", List.of());
    }

    public boolean authenticated() {
        return status != 401 && status != 403;
    }
}
