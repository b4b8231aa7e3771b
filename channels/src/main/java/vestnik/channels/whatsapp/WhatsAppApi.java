package vestnik.channels.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.Map;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.spi.SendResult;

/** The Cloud API call the channel makes: {@code POST /{phoneNumberId}/messages}, typed. */
final class WhatsAppApi {

    private final JsonHttp http;
    private final String messagesUrl;
    private final Map<String, String> headers;

    WhatsAppApi(JsonHttp http, WhatsAppConfig config) {
        this.http = http;
        this.messagesUrl = config.baseUrl() + "/" + config.phoneNumberId() + "/messages";
        this.headers = Map.of("Authorization", "Bearer " + config.accessToken());
    }

    /** Never fails: Meta's refusals and lost connections come back as {@link SendResult.Failed}. */
    Future<SendResult> send(ObjectNode body) {
        return http.post(messagesUrl, body, headers)
                .map(WhatsAppApi::toSendResult)
                .otherwise(WhatsAppErrors::forTransport);
    }

    static SendResult toSendResult(JsonHttp.Reply reply) {
        if (!reply.ok()) {
            return WhatsAppErrors.forReply(reply.status(), reply.json(), reply.retryAfterHeader());
        }
        String wamid = reply.json() == null ? "" : reply.json().path("messages").path(0).path("id").asText("");
        return wamid.isBlank() ? WhatsAppErrors.withoutMessageId() : SendResult.Accepted.of(wamid);
    }
}
