package vestnik.gateway.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
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
        Responses.handle(ctx, Role.UPSTREAM, p -> {
            Contact c = ContactParser.parse(ctx.pathParam("contactId"), MessagesApi.readJson(ctx), clock.instant());
            return contacts.put(p.tenantId(), c)
                    .compose(created -> contacts.find(p.tenantId(), c.contactId())
                            .map(found -> new Responses.Reply(created ? 201 : 200, toJson(found.orElse(c)))));
        });
    }

    public void get(RoutingContext ctx) {
        Responses.handle(ctx, Role.UPSTREAM, p -> {
            String id = ctx.pathParam("contactId");
            ContactParser.checkId(id);
            return contacts.find(p.tenantId(), id).map(found -> Responses.Reply.ok(toJson(found.orElseThrow(
                    () -> new ApiError(ErrorCode.NOT_FOUND, "no contact '" + id + "'")))));
        });
    }

    public void createLinks(RoutingContext ctx) {
        Responses.handle(ctx, Role.UPSTREAM, p -> {
            String id = ctx.pathParam("contactId");
            ContactParser.checkId(id);
            return contacts.find(p.tenantId(), id)
                    .compose(found -> {
                        if (found.isEmpty()) {
                            throw new ApiError(ErrorCode.NOT_FOUND, "no contact '" + id + "'");
                        }
                        return links.create(p.tenantId(), id);
                    })
                    .map(l -> new Responses.Reply(201, new JsonObject()
                            .put("links", new JsonObject(new java.util.LinkedHashMap<>(l.links())))
                            .put("expiresAt", l.expiresAt().toString())));
        });
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
