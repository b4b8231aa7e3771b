package vestnik.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import vestnik.channels.spi.Channel;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;

/**
 * Renders a job's template at intake, so that the text stored is the text sent, whatever is published later.
 * Fails with an {@link ApiError} (422) naming what is wrong: the template, the version, a variable.
 */
public interface TemplateResolver {

    /** The text to store and send, and the template version it came from. */
    record Rendered(String templateKey, int templateVersion, String text) {
    }

    /** For gateways wired without templates: every template job is refused. */
    TemplateResolver NONE = (tenantId, templateKey, version, channel, variables) -> Future.failedFuture(
            new ApiError(ErrorCode.UNKNOWN_TEMPLATE, "this gateway does not send by template"));

    /**
     * @param version   the pinned version, or null for the latest published
     * @param variables the job's {@code variables} object, or null
     */
    Future<Rendered> render(String tenantId, String templateKey, Integer version, Channel channel, JsonNode variables);
}
