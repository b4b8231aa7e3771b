package vestnik.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vestnik.gateway.config.Role;
import vestnik.gateway.templates.StoredHistory;
import vestnik.gateway.templates.TemplateCatalog;
import vestnik.gateway.templates.TemplateJson;
import vestnik.gateway.templates.TemplateKey;
import vestnik.gateway.templates.TemplateProblems;
import vestnik.gateway.templates.TenantTemplateSettings;
import vestnik.templates.lint.Finding;
import vestnik.templates.lint.LintReport;
import vestnik.templates.model.Template;
import vestnik.templates.model.TemplateHistory;
import vestnik.templates.model.TemplateVersion;
import vestnik.templates.preview.Preview;
import vestnik.templates.preview.Previewer;
import vestnik.templates.render.RenderException;

/**
 * {@code /v1/templates}: marketers edit, publish and roll back a tenant's templates; upstream systems and agents
 * read and preview them. Answers carry the template's {@code revision} (also as {@code ETag}); a change sent with
 * {@code If-Match: "<revision>"} is refused with 412 if someone changed the template since it was read.
 */
public final class TemplatesApi {

    private static final Set<Role> READERS = EnumSet.of(Role.UPSTREAM, Role.AGENT, Role.MARKETER);
    private static final Set<Role> EDITORS = EnumSet.of(Role.MARKETER);
    private static final Set<String> PREVIEW_FIELDS = Set.of("variables", "version");
    private static final Set<String> ROLLBACK_FIELDS = Set.of("version");
    private static final Pattern REVISION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");
    private static final int MAX_ACTOR_CHARS = 64;
    private static final ObjectMapper JSON = TemplateJson.mapper();

    private final TemplateCatalog catalog;
    private final Previewer previewer;
    private final TenantTemplateSettings settings;

    /** An answer: status, body, and the revision to send as {@code ETag} (or null). */
    private record Answer(int status, JsonNode body, Long revision) {
    }

    public TemplatesApi(TemplateCatalog catalog, Previewer previewer, TenantTemplateSettings settings) {
        this.catalog = catalog;
        this.previewer = previewer;
        this.settings = settings;
    }

    /** {@code GET /v1/templates}: every key with its latest version and whether a draft is pending. */
    public void list(RoutingContext ctx) {
        handle(ctx, () -> {
            Principal p = principal(ctx, READERS, "read");
            return catalog.list(p.tenantId()).map(all -> {
                ObjectNode body = JSON.createObjectNode();
                body.set("templates", JSON.valueToTree(all));
                return new Answer(200, body, null);
            });
        });
    }

    /** {@code GET /v1/templates/{key}}: the draft, if any, and the latest published version. */
    public void get(RoutingContext ctx) {
        handle(ctx, () -> {
            Principal p = principal(ctx, READERS, "read");
            return catalog.get(p.tenantId(), key(ctx))
                    .map(stored -> new Answer(200, templateJson(stored.revision(), stored.history()), stored.revision()));
        });
    }

    /** {@code PUT /v1/templates/{key}}: saves the draft; the checks' findings are reported, never block the save. */
    public void put(RoutingContext ctx) {
        handle(ctx, () -> {
            Principal p = principal(ctx, EDITORS, "edit");
            String key = key(ctx);
            var content = TemplateJson.content(MessagesApi.readJson(ctx));
            return catalog.saveDraft(p.tenantId(), key, content, actor(ctx, p), ifMatch(ctx)).map(saved -> {
                ObjectNode body = templateJson(saved.revision(), saved.history());
                body.put("publishable", saved.report().publishable());
                body.set("findings", findings(saved.report()));
                return new Answer(200, body, saved.revision());
            });
        });
    }

    /**
     * {@code DELETE /v1/templates/{key}}: discards the draft. Published versions are never deleted (messages name
     * the version they were sent with), so a template that was never published disappears, others stay.
     */
    public void delete(RoutingContext ctx) {
        handle(ctx, () -> {
            Principal p = principal(ctx, EDITORS, "edit");
            String key = key(ctx);
            return catalog.discardDraft(p.tenantId(), key, actor(ctx, p), ifMatch(ctx)).map(d -> {
                if (d.history() == null) {
                    ObjectNode body = JSON.createObjectNode().put("key", key).put("deleted", true);
                    return new Answer(200, body, null);
                }
                ObjectNode body = templateJson(d.revision(), d.history()).put("deleted", false);
                return new Answer(200, body, d.revision());
            });
        });
    }

    /** {@code POST /v1/templates/{key}/publish}: {@code {"version":N}}, or 422 {@code lint_failed} with details. */
    public void publish(RoutingContext ctx) {
        handle(ctx, () -> {
            Principal p = principal(ctx, EDITORS, "publish");
            String key = key(ctx);
            return catalog.publish(p.tenantId(), key, actor(ctx, p), ifMatch(ctx))
                    .map(r -> new Answer(200, published(r, null), r.revision()));
        });
    }

    /** {@code POST /v1/templates/{key}/rollback} {@code {"version":N}}: publishes version N's content again. */
    public void rollback(RoutingContext ctx) {
        handle(ctx, () -> {
            Principal p = principal(ctx, EDITORS, "publish");
            String key = key(ctx);
            JsonNode body = MessagesApi.readJson(ctx);
            requireObject(body, ROLLBACK_FIELDS);
            Integer version = version(body.get("version"));
            if (version == null) {
                throw new ApiError(ErrorCode.MISSING_FIELD, "version is required: the version to publish again");
            }
            return catalog.rollback(p.tenantId(), key, version, actor(ctx, p), ifMatch(ctx))
                    .map(r -> new Answer(200, published(r, version), r.revision()));
        });
    }

    /** {@code GET /v1/templates/{key}/versions}: every published version and the audit trail. */
    public void versions(RoutingContext ctx) {
        handle(ctx, () -> {
            Principal p = principal(ctx, READERS, "read");
            return catalog.get(p.tenantId(), key(ctx)).map(stored -> {
                TemplateHistory h = stored.history();
                ObjectNode body = JSON.createObjectNode().put("key", h.key()).put("revision", stored.revision());
                ArrayNode versions = body.putArray("versions");
                h.versions().forEach(v -> versions.add(versionJson(v)));
                body.set("audit", JSON.valueToTree(h.audit()));
                return new Answer(200, body, stored.revision());
            });
        });
    }

    /**
     * {@code POST /v1/templates/{key}/preview} {@code {"variables":{…},"version"?:N}}: every channel rendered, with
     * SMS encoding, parts and the cost from the tenant's tariff. Without a version: the draft, else the latest.
     * Variables left out take sample values (listed in {@code sampled}).
     */
    public void preview(RoutingContext ctx) {
        handle(ctx, () -> {
            Principal p = principal(ctx, READERS, "preview");
            String key = key(ctx);
            JsonNode body = optionalJson(ctx);
            requireObject(body, PREVIEW_FIELDS);
            Integer version = version(body.get("version"));
            Map<String, Object> values = TemplateJson.variables(body.get("variables"), "variables");
            return catalog.get(p.tenantId(), key).map(stored -> {
                Template template = previewed(stored, version);
                Preview preview;
                try {
                    preview = previewer.preview(template, values, settings.profile(p.tenantId()),
                            settings.tariff(p.tenantId()));
                } catch (RenderException e) {
                    throw TemplateProblems.of(e);
                }
                ObjectNode out = JSON.valueToTree(preview);
                out.put("draft", template.isDraft());
                return new Answer(200, out, stored.revision());
            });
        });
    }

    private static Template previewed(StoredHistory stored, Integer version) {
        TemplateHistory h = stored.history();
        if (version != null) {
            return h.version(version).map(TemplateVersion::template).orElseThrow(() -> new ApiError(ErrorCode.UNKNOWN_VERSION,
                    "template " + h.key() + " has no version " + version
                            + (h.versions().isEmpty() ? " (none is published)" : " (the latest is " + h.versions().size() + ")")));
        }
        return h.workingCopy().orElseThrow(() -> new ApiError(ErrorCode.UNKNOWN_TEMPLATE,
                "template " + h.key() + " has neither a draft nor a published version"));
    }

    private ObjectNode templateJson(long revision, TemplateHistory h) {
        ObjectNode body = JSON.createObjectNode().put("key", h.key()).put("revision", revision);
        if (h.draft() != null) {
            body.set("draft", JSON.valueToTree(h.draft()));
        }
        h.latest().ifPresent(v -> body.set("latest", versionJson(v)));
        return body;
    }

    private static ObjectNode versionJson(TemplateVersion v) {
        ObjectNode o = JSON.createObjectNode()
                .put("version", v.number())
                .put("publishedAt", v.publishedAt().toString())
                .put("publishedBy", v.publishedBy());
        if (v.rolledBackFrom() != null) {
            o.put("rolledBackFrom", v.rolledBackFrom());
        }
        o.set("content", JSON.valueToTree(v.content()));
        return o;
    }

    private static ObjectNode published(TemplateCatalog.Published r, Integer rolledBackFrom) {
        ObjectNode body = JSON.createObjectNode().put("version", r.version().number()).put("revision", r.revision());
        if (rolledBackFrom != null) {
            body.put("rolledBackFrom", rolledBackFrom);
        }
        if (!r.report().findings().isEmpty()) {
            body.set("warnings", findings(r.report()));
        }
        return body;
    }

    private static ArrayNode findings(LintReport report) {
        ArrayNode out = JSON.createArrayNode();
        for (Finding f : report.findings()) {
            out.add(JSON.valueToTree(f));
        }
        return out;
    }

    private static String key(RoutingContext ctx) {
        return TemplateKey.checked(ctx.pathParam("key"));
    }

    /** Who made a change, for the audit trail: the {@code X-Actor} the caller names, and always the key or user. */
    private static String actor(RoutingContext ctx, Principal p) {
        String key = p.describe();
        String named = ctx.request().getHeader("X-Actor");
        if (named == null || named.isBlank()) {
            return key;
        }
        String name = named.strip();
        if (name.length() > MAX_ACTOR_CHARS || name.chars().anyMatch(Character::isISOControl)) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "X-Actor must be a name of at most " + MAX_ACTOR_CHARS
                    + " characters without control characters");
        }
        return name + " (" + key + ")";
    }

    private static Long ifMatch(RoutingContext ctx) {
        String header = ctx.request().getHeader("If-Match");
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        var m = REVISION.matcher(header.strip());
        if (!m.matches()) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "If-Match must be a revision such as \"3\", as the ETag gave it");
        }
        return Long.parseLong(m.group(1));
    }

    private static Integer version(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "version must be a whole number from 1");
        }
        return v.intValue();
    }

    private static JsonNode optionalJson(RoutingContext ctx) {
        String raw = ctx.body() == null ? null : ctx.body().asString();
        return raw == null || raw.isBlank() ? JSON.createObjectNode() : MessagesApi.readJson(ctx);
    }

    private static void requireObject(JsonNode body, Set<String> fields) {
        if (!body.isObject()) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, "the body must be a JSON object");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!fields.contains(n)) {
                throw new ApiError(ErrorCode.UNKNOWN_FIELD, "unknown field '" + n + "'; known: " + fields);
            }
        }
    }

    private static Principal principal(RoutingContext ctx, Set<Role> allowed, String what) {
        Principal p = ctx.get(Principal.KEY);
        if (p == null) {
            throw new ApiError(ErrorCode.UNAUTHORIZED, "missing API key");
        }
        if (p.roles().contains(Role.ADMIN) || p.roles().stream().anyMatch(allowed::contains)) {
            return p;
        }
        throw new ApiError(ErrorCode.FORBIDDEN, "this key may not " + what + " templates: that takes the role "
                + String.join(" or ", allowed.stream().map(Role::wireName).toList()));
    }

    private static void handle(RoutingContext ctx, Supplier<Future<Answer>> action) {
        try {
            action.get().onSuccess(a -> send(ctx, a)).onFailure(t -> Responses.failure(ctx, t));
        } catch (RuntimeException e) {
            Responses.failure(ctx, e);
        }
    }

    private static void send(RoutingContext ctx, Answer a) {
        if (ctx.response().ended()) {
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(a.body());
        } catch (JsonProcessingException e) {
            Responses.failure(ctx, e);
            return;
        }
        if (a.revision() != null) {
            ctx.response().putHeader("ETag", "\"" + a.revision() + "\"");
        }
        ctx.response().setStatusCode(a.status()).putHeader("Content-Type", "application/json; charset=utf-8").end(body);
    }
}
