package vestnik.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import vestnik.gateway.config.Role;
import vestnik.gateway.enforcement.Suppressions;
import vestnik.gateway.intake.PhoneNumbers;

/**
 * {@code POST /v1/suppressions} (upstream) {@code {"phone"|"email","channels"?:["sms"],"reason"?}}: the debtor
 * opted out of every channel, or of those listed, by another route (a letter, a call to the creditor).
 */
public final class SuppressionsApi {

    private final Suppressions suppressions;
    private final Predicate<String> channelExists;
    private final Clock clock;

    public SuppressionsApi(Suppressions suppressions, Predicate<String> channelExists, Clock clock) {
        this.suppressions = suppressions;
        this.channelExists = channelExists;
        this.clock = clock;
    }

    public void post(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.UPSTREAM);
            JsonNode body = MessagesApi.readJson(ctx);
            String phone = body.path("phone").asText("");
            String email = body.path("email").asText("").trim();
            if (phone.isEmpty() == email.isEmpty()) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "give exactly one of phone or email");
            }
            String address;
            if (!phone.isEmpty()) {
                address = PhoneNumbers.toE164(phone).orElseThrow(() ->
                        new ApiError(ErrorCode.VALIDATION_FAILED, "phone is not a phone number"));
            } else {
                if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                    throw new ApiError(ErrorCode.VALIDATION_FAILED, "email is not an e-mail address");
                }
                address = email;
            }
            Set<String> channels = new LinkedHashSet<>();
            JsonNode list = body.path("channels");
            if (!list.isMissingNode() && !list.isNull()) {
                if (!list.isArray()) {
                    throw new ApiError(ErrorCode.VALIDATION_FAILED, "channels must be a list of channel ids; leave it out for all");
                }
                for (JsonNode c : list) {
                    if (!channelExists.test(c.asText())) {
                        throw new ApiError(ErrorCode.UNKNOWN_CHANNEL, "no channel '" + c.asText() + "'");
                    }
                    channels.add(c.asText());
                }
            }
            String reason = body.path("reason").asText("");
            if (reason.length() > 200) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "reason is longer than 200 characters");
            }
            suppressions.put(p.tenantId(), new Suppressions.Suppression(address, channels, reason, clock.instant()))
                    .onSuccess(v -> Responses.json(ctx, 201, new JsonObject()
                            .put("channels", channels.isEmpty() ? "all" : new JsonArray(java.util.List.copyOf(channels)))))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }
}
