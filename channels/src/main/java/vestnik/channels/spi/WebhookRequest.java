package vestnik.channels.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP request a provider sent to {@code /hooks/{channelId}}: the raw body, before any parsing. */
public record WebhookRequest(String method, Map<String, List<String>> headers, Map<String, String> query, byte[] body) {

    public WebhookRequest {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        }
        headers = h;
        query = query == null ? Map.of() : Map.copyOf(query);
        body = body == null ? new byte[0] : body;
        method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
    }

    /** First value of a header, case-insensitively, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
