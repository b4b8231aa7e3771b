package vestnik.gateway.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import vestnik.gateway.config.Role;
import vestnik.gateway.contacts.Contact;
import vestnik.gateway.contacts.ContactParser;
import vestnik.gateway.contacts.ContactRepository;
import vestnik.gateway.contacts.LinkService;

/** {@code /v1/contacts}: upstream systems describe debtors and ask for messenger links to put into an SMS. */
public final class ContactsApi {

    private final ContactRepository contacts;
    private final LinkService links;
    private final Clock clock;

    public ContactsApi(ContactRepository contacts, LinkService links, Clock clock) {
        this.contacts = contacts;
        this.links = links;
        this.clock = clock;
    }

    public void put(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.UPSTREAM);
            Contact c = ContactParser.parse(ctx.pathParam("contactId"), MessagesApi.readJson(ctx), clock.instant());
            contacts.put(p.tenantId(), c)
                    .compose(created -> contacts.find(p.tenantId(), c.contactId())
                            .map(found -> Map.entry(created ? 201 : 200, toJson(found.orElse(c)))))
                    .onSuccess(r -> Responses.json(ctx, r.getKey(), r.getValue()))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    public void get(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.UPSTREAM);
            String id = ctx.pathParam("contactId");
            ContactParser.checkId(id);
            contacts.find(p.tenantId(), id)
                    .onSuccess(found -> {
                        if (found.isEmpty()) {
                            Responses.error(ctx, new ApiError(ErrorCode.NOT_FOUND, "no contact '" + id + "'"));
                        } else {
                            Responses.json(ctx, 200, toJson(found.get()));
                        }
                    })
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    public void createLinks(RoutingContext ctx) {
        try {
            Principal p = Responses.principal(ctx, Role.UPSTREAM);
            String id = ctx.pathParam("contactId");
            ContactParser.checkId(id);
            contacts.find(p.tenantId(), id)
                    .compose(found -> {
                        if (found.isEmpty()) {
                            throw new ApiError(ErrorCode.NOT_FOUND, "no contact '" + id + "'");
                        }
                        return links.create(p.tenantId(), id);
                    })
                    .onSuccess(l -> Responses.json(ctx, 201, new JsonObject()
                            .put("links", new JsonObject(new java.util.LinkedHashMap<>(l.links())))
                            .put("expiresAt", l.expiresAt().toString())))
                    .onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    private static JsonObject toJson(Contact c) {
        JsonObject json = new JsonObject()
                .put("contactId", c.contactId())
                .put("phones", new JsonArray(c.phones()))
                .put("emails", new JsonArray(c.emails()))
                .put("statuses", new JsonArray(c.statuses()))
                .put("linked", new JsonArray(c.bindings().keySet().stream().sorted().toList()));
        if (c.region() != null) {
            json.put("region", c.region());
        }
        if (c.timezone() != null) {
            json.put("timezone", c.timezone());
        }
        if (c.address() != null) {
            json.put("address", c.address());
        }
        if (c.updatedAt() != null) {
            json.put("updatedAt", c.updatedAt().toString());
        }
        return json;
    }
}
