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
    private static final int BATCH_BODY_LIMIT = 16 * 1024 * 1024;

    private ApiRouter() {
    }

    public static Router create(Vertx vertx, java.util.List<Tenant> tenants, int maxBodyBytes, MessagesApi messages,
                                MessageQueryApi messageQuery, ContactsApi contacts, ChannelsApi channels,
                                HooksApi hooks, HealthApi health, PrometheusMeterRegistry prometheus,
                                TemplatesApi templates) {
        return create(vertx, tenants, maxBodyBytes, messages, messageQuery, contacts, channels, hooks, health, prometheus,
                templates, null, null);
    }

    /** With the bulk intake: {@code batch} and {@code campaigns} (either may be null when not wired). */
    public static Router create(Vertx vertx, java.util.List<Tenant> tenants, int maxBodyBytes, MessagesApi messages,
                                MessageQueryApi messageQuery, ContactsApi contacts, ChannelsApi channels,
                                HooksApi hooks, HealthApi health, PrometheusMeterRegistry prometheus,
                                TemplatesApi templates, BatchApi batch, CampaignsApi campaigns) {
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

        if (batch != null) {
            // a thousand jobs are larger than one: the batch has its own body limit
            router.routeWithRegex(HttpMethod.POST, "/v1/messages:batch")
                    .handler(BodyHandler.create(false).setBodyLimit(Math.max(maxBodyBytes, BATCH_BODY_LIMIT)))
                    .handler(auth::handle).handler(batch::create);
        }
        if (campaigns != null) {
            // the rows are streamed, never buffered: this route comes before the body handler of /v1/*
            router.post("/v1/campaigns").handler(auth::handle).handler(campaigns::create);
        }
        router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        router.route("/v1/*").handler(auth::handle);
        router.post("/v1/messages").handler(messages::create);
        router.get("/v1/messages").handler(messageQuery::list);
        router.get("/v1/messages/:id").handler(messages::get);
        router.delete("/v1/messages/:id").handler(messages::cancel);
        if (campaigns != null) {
            router.get("/v1/campaigns/:id").handler(campaigns::get);
            router.get("/v1/campaigns/:id/report").handler(campaigns::report);
            router.post("/v1/campaigns/:id/pause").handler(campaigns::pause);
            router.post("/v1/campaigns/:id/resume").handler(campaigns::resume);
            router.post("/v1/campaigns/:id/cancel").handler(campaigns::cancel);
        }
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
