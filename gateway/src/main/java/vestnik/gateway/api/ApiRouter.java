package vestnik.gateway.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import vestnik.gateway.config.Tenant;

/** The routes; each resource's handlers live in their own class. */
public final class ApiRouter {

    private static final long HOOK_BODY_LIMIT = 10L * 1024 * 1024;

    private ApiRouter() {
    }

    public static Router create(Vertx vertx, java.util.List<Tenant> tenants, int maxBodyBytes, MessagesApi messages,
                                MessageQueryApi messageQuery, ContactsApi contacts, ChannelsApi channels,
                                HooksApi hooks, HealthApi health, PrometheusMeterRegistry prometheus,
                                TemplatesApi templates, ConversationsApi conversations) {
        Router router = Router.router(vertx);
        ApiKeyAuth auth = new ApiKeyAuth(tenants);

        router.get("/health/live").handler(health::live);
        router.get("/health/ready").handler(health::ready);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(prometheus.scrape()));

        // providers' pushes: raw bytes, authenticated by each channel; e-mail can be larger than a job
        router.route("/hooks/*").handler(BodyHandler.create(false).setBodyLimit(HOOK_BODY_LIMIT));
        router.route(HttpMethod.POST, "/hooks/:channelId").handler(hooks::handle);
        router.route(HttpMethod.GET, "/hooks/:channelId").handler(hooks::handle);
        router.route(HttpMethod.POST, "/hooks/:channelId/*").handler(hooks::handle);
        router.route(HttpMethod.GET, "/hooks/:channelId/*").handler(hooks::handle);

        router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        router.route("/v1/*").handler(auth::handle);
        router.post("/v1/messages").handler(messages::create);
        router.get("/v1/messages").handler(messageQuery::list);
        router.get("/v1/messages/:id").handler(messages::get);
        router.delete("/v1/messages/:id").handler(messages::cancel);
        router.put("/v1/contacts/:contactId").handler(contacts::put);
        router.get("/v1/contacts/:contactId").handler(contacts::get);
        router.post("/v1/contacts/:contactId/links").handler(contacts::createLinks);
        router.post("/v1/channels/:channelId/webhook").handler(channels::registerWebhook);
        router.get("/v1/templates").handler(templates::list);
        router.get("/v1/templates/:key").handler(templates::get);
        router.put("/v1/templates/:key").handler(templates::put);
        router.delete("/v1/templates/:key").handler(templates::delete);
        router.post("/v1/templates/:key/publish").handler(templates::publish);
        router.post("/v1/templates/:key/rollback").handler(templates::rollback);
        router.post("/v1/templates/:key/preview").handler(templates::preview);
        router.get("/v1/templates/:key/versions").handler(templates::versions);
        router.get("/v1/conversations").handler(conversations::list);
        router.get("/v1/conversations/stream").handler(conversations::stream);
        router.get("/v1/conversations/:id").handler(conversations::get);
        router.post("/v1/conversations/:id/messages").handler(conversations::reply);
        router.post("/v1/conversations/:id/assign").handler(conversations::assign);
        router.post("/v1/conversations/:id/notes").handler(conversations::note);
        router.post("/v1/conversations/:id/labels").handler(conversations::labels);
        router.post("/v1/conversations/:id/close").handler(conversations::close);
        router.post("/v1/conversations/:id/reopen").handler(conversations::reopen);
        router.post("/v1/conversations/:id/pending").handler(conversations::pending);
        router.post("/v1/conversations/:id/merge").handler(conversations::merge);

        router.route().last().handler(ctx -> Responses.error(ctx,
                new ApiError(ErrorCode.NOT_FOUND, "no such endpoint: " + ctx.request().method() + " " + ctx.normalizedPath())));
        router.errorHandler(405, ctx -> Responses.error(ctx, new ApiError(ErrorCode.METHOD_NOT_ALLOWED,
                ctx.request().method() + " is not allowed on " + ctx.normalizedPath())));
        router.errorHandler(413, ctx -> Responses.error(ctx, new ApiError(ErrorCode.BODY_TOO_LARGE,
                "the body is larger than " + maxBodyBytes + " bytes")));
        router.errorHandler(400, ctx -> Responses.error(ctx, new ApiError(ErrorCode.MALFORMED_JSON,
                "the request could not be read")));
        router.errorHandler(500, ctx -> Responses.failure(ctx, ctx.failure() == null ? new IllegalStateException("failed") : ctx.failure()));
        return router;
    }
}
