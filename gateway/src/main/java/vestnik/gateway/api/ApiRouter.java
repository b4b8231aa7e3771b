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
                                MessageQueryApi messageQuery, HooksApi hooks, HealthApi health,
                                PrometheusMeterRegistry prometheus) {
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

        router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        router.route("/v1/*").handler(auth::handle);
        router.post("/v1/messages").handler(messages::create);
        router.get("/v1/messages").handler(messageQuery::list);
        router.get("/v1/messages/:id").handler(messages::get);
        router.delete("/v1/messages/:id").handler(messages::cancel);

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
