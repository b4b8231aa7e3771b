package vestnik.gateway.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import vestnik.gateway.config.Role;
import vestnik.gateway.contacts.ContactParser;
import vestnik.gateway.enforcement.InteractionLedger;

/**
 * {@code GET /v1/contacts/{contactId}/ledger?from=&to=} (upstream): the contact's interaction ledger for a period
 * as JSON lines, one decision a line, oldest first.
 */
public final class LedgerApi {

    private final InteractionLedger ledger;

    public LedgerApi(InteractionLedger ledger) {
        this.ledger = ledger;
    }

    public void export(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.UPSTREAM);
            String contactId = ctx.pathParam("contactId");
            ContactParser.checkId(contactId);
            Instant from = instant(ctx, "from");
            Instant to = instant(ctx, "to");
            ledger.read(p.tenantId(), contactId, from, to)
                    .onSuccess(entries -> {
                        StringBuilder out = new StringBuilder();
                        for (InteractionLedger.Entry e : entries) {
                            out.append(toJson(e).encode()).append('\n');
                        }
                        ctx.response().setStatusCode(200)
                                .putHeader("Content-Type", "application/x-ndjson; charset=utf-8")
                                .end(out.toString());
                    })
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    static JsonObject toJson(InteractionLedger.Entry e) {
        JsonObject o = new JsonObject().put("at", e.at().toString()).put("local", e.local()).put("zone", e.zone())
                .put("zoneSource", e.zoneSource()).put("decision", e.decision());
        if (e.reason() != null) {
            o.put("reason", e.reason());
        }
        return o.put("messageId", e.messageId()).put("channel", e.channelId()).put("detail", e.detail());
    }

    private static Instant instant(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, name + " must be an ISO-8601 instant such as 2026-11-25T00:00:00Z");
        }
    }
}
