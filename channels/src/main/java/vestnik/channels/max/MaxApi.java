package vestnik.channels.max;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.Map;
import vestnik.channels.common.JsonHttp;

/**
 * The MAX Bot API calls the channel makes. The token goes in the {@code Authorization} header (MAX no
 * longer accepts it as a query parameter), so it never appears in a URL or a failure message.
 */
final class MaxApi {

    private final JsonHttp http;
    private final String baseUrl;
    private final Map<String, String> auth;

    MaxApi(JsonHttp http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.auth = Map.of("Authorization", token);
    }

    /** @param recipientQuery {@code user_id=<id>} or {@code chat_id=<id>} */
    Future<JsonHttp.Reply> sendMessage(String recipientQuery, JsonNode body) {
        return http.post(baseUrl + "/messages?" + recipientQuery, body, auth);
    }

    Future<JsonHttp.Reply> subscribe(JsonNode body) {
        return http.post(baseUrl + "/subscriptions", body, auth);
    }

    Future<JsonHttp.Reply> me() {
        return http.get(baseUrl + "/me", auth);
    }

    Future<Void> close() {
        return http.close();
    }
}
