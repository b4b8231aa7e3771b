package vestnik.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vestnik.gateway.config.Role;
import vestnik.gateway.contacts.ContactParser;
import vestnik.gateway.enforcement.ContactEvents;
import vestnik.gateway.intake.PhoneNumbers;

/**
 * {@code POST /v1/events} (upstream): {@code {"type":"payment_received","contactId"}} cancels the contact's
 * pending messages and cascades; {@code {"type":"phone_invalid","phone"}} stops sends to the number.
 */
public final class EventsApi {

    private final ContactEvents events;

    public EventsApi(ContactEvents events) {
        this.events = events;
    }

    public void post(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.UPSTREAM);
            JsonNode body = MessagesApi.readJson(ctx);
            String type = body.path("type").asText("");
            switch (type) {
                case ContactEvents.PAYMENT_RECEIVED -> {
                    String contactId = body.path("contactId").asText("");
                    if (contactId.isEmpty()) {
                        throw new ApiError(ErrorCode.MISSING_FIELD, "payment_received needs contactId");
                    }
                    ContactParser.checkId(contactId);
                    events.paymentReceived(p.tenantId(), contactId)
                            .onSuccess(n -> Responses.json(ctx, 200, new JsonObject().put("type", type)
                                    .put("contactId", contactId).put("cancelled", n)))
                            .onFailure(t -> Responses.failure(ctx, t));
                }
                case ContactEvents.PHONE_INVALID -> {
                    String raw = body.path("phone").asText("");
                    if (raw.isEmpty()) {
                        throw new ApiError(ErrorCode.MISSING_FIELD, "phone_invalid needs phone");
                    }
                    String phone = PhoneNumbers.toE164(raw).orElseThrow(() ->
                            new ApiError(ErrorCode.VALIDATION_FAILED, "phone is not a phone number"));
                    events.phoneInvalid(p.tenantId(), phone)
                            .onSuccess(v -> Responses.json(ctx, 200, new JsonObject().put("type", type)))
                            .onFailure(t -> Responses.failure(ctx, t));
                }
                default -> throw new ApiError(ErrorCode.VALIDATION_FAILED,
                        "type must be payment_received or phone_invalid");
            }
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }
}
