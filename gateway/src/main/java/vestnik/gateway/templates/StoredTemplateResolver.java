package vestnik.gateway.templates;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import vestnik.channels.spi.Channel;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;
import vestnik.gateway.intake.TemplateResolver;
import vestnik.templates.model.TemplateVersion;
import vestnik.templates.render.RenderException;
import vestnik.templates.render.RenderedContent;
import vestnik.templates.render.RenderedMessage;
import vestnik.templates.render.TemplateRenderer;

/**
 * Sends by template: finds the published version (the latest, or the pinned one), picks the variant for the
 * channel's type ({@code telegram}, else the shared {@code messenger} one), and renders it strictly with the
 * job's variables and the tenant's creditor name and phone.
 */
public final class StoredTemplateResolver implements TemplateResolver {

    private static final int CACHED_VERSIONS = 1024;

    private final TemplateStore store;
    private final TemplateRenderer renderer;
    private final TenantTemplateSettings settings;
    private final VersionCache cache = new VersionCache(CACHED_VERSIONS);

    public StoredTemplateResolver(TemplateStore store, TemplateRenderer renderer, TenantTemplateSettings settings) {
        this.store = store;
        this.renderer = renderer;
        this.settings = settings;
    }

    @Override
    public Future<Rendered> render(String tenantId, String templateKey, Integer version, Channel channel,
                                   JsonNode variables) {
        String key;
        Map<String, Object> values;
        try {
            key = TemplateKey.checked(templateKey);
            values = TemplateJson.variables(variables, "variables");
        } catch (ApiError e) {
            return Future.failedFuture(e);
        }
        Future<Integer> number = version != null ? Future.succeededFuture(version)
                : store.latestVersion(tenantId, key).compose(latest -> latest.map(Future::succeededFuture)
                        .orElseGet(() -> Future.failedFuture(unknown(key))));
        return number
                .compose(n -> find(tenantId, key, n))
                .map(v -> rendered(v, channel, values, tenantId));
    }

    private Future<TemplateVersion> find(String tenantId, String key, int number) {
        Optional<TemplateVersion> cached = cache.get(tenantId, key, number);
        if (cached.isPresent()) {
            return Future.succeededFuture(cached.get());
        }
        return store.version(tenantId, key, number).compose(found -> {
            if (found.isPresent()) {
                cache.put(found.get());
                return Future.succeededFuture(found.get());
            }
            return store.latestVersion(tenantId, key).compose(latest -> Future.failedFuture(latest.isEmpty()
                    ? unknown(key)
                    : new ApiError(ErrorCode.UNKNOWN_VERSION, "template " + key + " has no version " + number
                            + " (the latest is " + latest.get() + ")")));
        });
    }

    private Rendered rendered(TemplateVersion version, Channel channel, Map<String, Object> values, String tenantId) {
        RenderedMessage message;
        try {
            message = renderer.renderForChannel(version.template(), channel.type().configName(), values,
                    settings.profile(tenantId));
        } catch (RenderException e) {
            throw TemplateProblems.of(e);
        }
        return new Rendered(version.key(), version.number(), storableText(message, channel));
    }

    /**
     * A message keeps only its text, so content that is more than text (buttons, an e-mail's subject, a WhatsApp
     * template, a call script) is refused rather than sent without its parts.
     */
    private static String storableText(RenderedMessage message, Channel channel) {
        RenderedContent content = message.content();
        if (content instanceof RenderedContent.Sms
                || content instanceof RenderedContent.Messenger m && m.buttons().isEmpty()) {
            return content.text();
        }
        throw new ApiError(ErrorCode.TEMPLATE_CONTENT_UNSUPPORTED, "the " + message.slot().jsonName()
                + " variant of template " + message.templateKey() + " has more than a text (buttons, subject, "
                + "approved template or call script) that the gateway cannot yet send on channel '" + channel.id() + "'");
    }

    private static ApiError unknown(String key) {
        return new ApiError(ErrorCode.UNKNOWN_TEMPLATE, "template '" + key + "' does not exist or has no published version");
    }
}
