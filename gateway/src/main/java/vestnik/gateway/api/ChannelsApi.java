package vestnik.gateway.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import vestnik.channels.spi.Channel;
import vestnik.gateway.config.Role;
import vestnik.gateway.webhooks.WebhookRegistration;

/** Administration of channel accounts: {@code POST /v1/channels/{channelId}/webhook} registers the webhook. */
public final class ChannelsApi {

    private final Function<String, Channel> channels;
    private final WebhookRegistration registration;
    private final String configuredPublicUrl;

    public ChannelsApi(Function<String, Channel> channels, WebhookRegistration registration, String configuredPublicUrl) {
        this.channels = channels;
        this.registration = registration;
        this.configuredPublicUrl = configuredPublicUrl;
    }

    public void registerWebhook(RoutingContext ctx) {
        try {
            Responses.principal(ctx, Role.ADMIN);
            String id = ctx.pathParam("channelId");
            Channel channel = channels.apply(id);
            if (channel == null) {
                throw new ApiError(ErrorCode.NOT_FOUND, "no channel '" + id + "'");
            }
            if (channel.webhooks().isEmpty()) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "channel '" + id + "' receives no webhooks");
            }
            String body = ctx.body() == null ? null : ctx.body().asString();
            String publicUrl = configuredPublicUrl;
            if (body != null && !body.isBlank()) {
                publicUrl = MessagesApi.readJson(ctx).path("publicUrl").asText(configuredPublicUrl);
            }
            if (publicUrl == null || !publicUrl.startsWith("https://")) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED,
                        "publicUrl (in the body or webhooks.publicUrl in config) must be the gateway's https:// address");
            }
            registration.register(channel, publicUrl)
                    .onSuccess(url -> Responses.json(ctx, 200, new JsonObject().put("channel", id).put("url", url)))
                    .onFailure(t -> Responses.error(ctx, new ApiError(ErrorCode.PROVIDER_REFUSED,
                            "the provider did not accept the webhook: " + t.getMessage())));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }
}
