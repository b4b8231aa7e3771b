package vestnik.gateway.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import vestnik.gateway.config.Tenant;
import vestnik.gateway.console.ConsoleRoutes;

/** The routes; each resource's handlers live in their own class. */
public final class ApiRouter {

    private static final long HOOK_BODY_LIMIT = 10L * 1024 * 1024;
    private static final long BATCH_BODY_LIMIT = 16L * 1024 * 1024;
    /** The official numbering-plan files are a few MiB each. */
    private static final long ADMIN_BODY_LIMIT = 64L * 1024 * 1024;

    private ApiRouter() {
    }

    public static Router create(Vertx vertx, List<Tenant> tenants, int maxBodyBytes, Apis apis,
                                PrometheusMeterRegistry prometheus) {
        Router router = Router.router(vertx);
        Authenticator auth = new Authenticator(new ApiKeyAuth(tenants), apis.session().auth());

        router.get("/health/live").handler(apis.health()::live);
        router.get("/health/ready").handler(apis.health()::ready);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(prometheus.scrape()));

        // providers' pushes: raw bytes, authenticated by each channel; e-mail can be larger than a job
        router.route("/hooks/*").handler(BodyHandler.create(false).setBodyLimit(HOOK_BODY_LIMIT));
        router.route(HttpMethod.POST, "/hooks/:channelId").handler(apis.hooks()::handle);
        router.route(HttpMethod.GET, "/hooks/:channelId").handler(apis.hooks()::handle);
        router.route(HttpMethod.POST, "/hooks/:channelId/*").handler(apis.hooks()::handle);
        router.route(HttpMethod.GET, "/hooks/:channelId/*").handler(apis.hooks()::handle);

        // routes whose bodies are larger than a job's, or streamed, come before the general body handler
        router.routeWithRegex(HttpMethod.POST, "/v1/messages:batch")
                .handler(BodyHandler.create(false).setBodyLimit(Math.max(maxBodyBytes, BATCH_BODY_LIMIT)))
                .handler(auth::handle).handler(apis.batch()::create);
        router.post("/v1/campaigns").handler(auth::handle).handler(apis.campaigns()::create);
        router.route("/v1/admin/*").handler(BodyHandler.create(false).setBodyLimit(ADMIN_BODY_LIMIT)).handler(auth::handle);
        router.put("/v1/admin/numbering-plan/:name").handler(apis.admin()::putNumberingPlan);
        router.delete("/v1/admin/numbering-plan/:name").handler(apis.admin()::deleteNumberingPlan);
        router.put("/v1/admin/production-calendar").handler(apis.admin()::putCalendar);

        // logging in is the one /v1 call made before there are credentials
        router.post("/v1/session").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes)).handler(apis.session()::login);

        router.routeWithRegex("/v1/(?!admin/).*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        router.routeWithRegex("/v1/(?!admin/).*").handler(auth::handle);
        router.get("/v1/session").handler(apis.session()::current);
        router.delete("/v1/session").handler(apis.session()::logout);
        router.get("/v1/users").handler(apis.users()::list);
        router.post("/v1/users").handler(apis.users()::create);
        router.patch("/v1/users/:id").handler(apis.users()::change);
        router.post("/v1/messages").handler(apis.messages()::create);
        router.get("/v1/messages").handler(apis.messageQuery()::list);
        router.get("/v1/messages/:id").handler(apis.messages()::get);
        router.delete("/v1/messages/:id").handler(apis.messages()::cancel);
        router.get("/v1/campaigns").handler(apis.campaigns()::list);
        router.get("/v1/stats/today").handler(apis.stats()::today);
        router.get("/v1/campaigns/:id").handler(apis.campaigns()::get);
        router.get("/v1/campaigns/:id/report").handler(apis.campaigns()::report);
        router.post("/v1/campaigns/:id/pause").handler(apis.campaigns()::pause);
        router.post("/v1/campaigns/:id/resume").handler(apis.campaigns()::resume);
        router.post("/v1/campaigns/:id/cancel").handler(apis.campaigns()::cancel);
        router.put("/v1/contacts/:contactId").handler(apis.contacts()::put);
        router.get("/v1/contacts/:contactId").handler(apis.contacts()::get);
        router.post("/v1/contacts/:contactId/links").handler(apis.contacts()::createLinks);
        router.post("/v1/channels/:channelId/webhook").handler(apis.channels()::registerWebhook);
        if (apis.events() != null) {
            router.post("/v1/events").handler(apis.events()::post);
        }
        if (apis.suppressions() != null) {
            router.post("/v1/suppressions").handler(apis.suppressions()::post);
        }
        if (apis.ledger() != null) {
            router.get("/v1/contacts/:contactId/ledger").handler(apis.ledger()::export);
        }
        router.get("/v1/conversations").handler(apis.conversations()::list);
        router.get("/v1/conversations/stream").handler(apis.conversations()::stream);
        router.get("/v1/conversations/:id").handler(apis.conversations()::get);
        router.post("/v1/conversations/:id/messages").handler(apis.conversations()::reply);
        router.post("/v1/conversations/:id/assign").handler(apis.conversations()::assign);
        router.post("/v1/conversations/:id/notes").handler(apis.conversations()::note);
        router.post("/v1/conversations/:id/labels").handler(apis.conversations()::labels);
        router.post("/v1/conversations/:id/close").handler(apis.conversations()::close);
        router.post("/v1/conversations/:id/reopen").handler(apis.conversations()::reopen);
        router.post("/v1/conversations/:id/pending").handler(apis.conversations()::pending);
        router.post("/v1/conversations/:id/merge").handler(apis.conversations()::merge);
        router.get("/v1/templates").handler(apis.templates()::list);
        router.get("/v1/templates/:key").handler(apis.templates()::get);
        router.put("/v1/templates/:key").handler(apis.templates()::put);
        router.delete("/v1/templates/:key").handler(apis.templates()::delete);
        router.post("/v1/templates/:key/publish").handler(apis.templates()::publish);
        router.post("/v1/templates/:key/rollback").handler(apis.templates()::rollback);
        router.post("/v1/templates/:key/preview").handler(apis.templates()::preview);
        router.get("/v1/templates/:key/versions").handler(apis.templates()::versions);

        ConsoleRoutes.mount(router);

        router.route().last().handler(ctx -> Responses.error(ctx,
                new ApiError(ErrorCode.NOT_FOUND, "no such endpoint: " + ctx.request().method() + " " + ctx.normalizedPath())));
        router.errorHandler(405, ctx -> Responses.error(ctx, new ApiError(ErrorCode.METHOD_NOT_ALLOWED,
                ctx.request().method() + " is not allowed on " + ctx.normalizedPath())));
        router.errorHandler(413, ctx -> Responses.error(ctx, new ApiError(ErrorCode.BODY_TOO_LARGE,
                "the body is larger than this endpoint accepts (" + maxBodyBytes + " bytes for a job)")));
        router.errorHandler(400, ctx -> Responses.error(ctx, new ApiError(ErrorCode.MALFORMED_JSON,
                "the request could not be read")));
        router.errorHandler(500, ctx -> Responses.failure(ctx, ctx.failure() == null ? new IllegalStateException("failed") : ctx.failure()));
        return router;
    }
}
