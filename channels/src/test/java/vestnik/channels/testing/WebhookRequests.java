package vestnik.channels.testing;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vestnik.channels.spi.WebhookRequest;

/** Pushes as providers send them to {@code /hooks/{channelId}}, and what our receivers count of them. */
public final class WebhookRequests {

    private WebhookRequests() {
    }

    /** A JSON POST carrying {@code secret} in {@code secretHeader}; with a null secret, no such header at all. */
    public static WebhookRequest jsonPost(String secretHeader, String secret, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        if (secret != null) {
            headers.put(secretHeader, List.of(secret));
        }
        return new WebhookRequest("POST", headers, Map.of(), body);
    }

    /** How many pushes the channel's webhook refused for a wrong secret or signature. */
    public static double rejected(MeterRegistry metrics, String channelId) {
        return metrics.counter("vestnik.webhook.rejected", "channel", channelId).count();
    }
}
