package vestnik.gateway.console;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web console: static files from {@code console/} on the classpath (inside the jar), served at {@code /}.
 * The API's own prefixes are never matched here, so an unknown {@code /v1/...} path stays the API's JSON 404.
 * The files have no fingerprint in their names, so browsers revalidate them ({@code no-cache} with
 * {@code Last-Modified}) rather than keep a day-old console after an upgrade.
 */
public final class ConsoleRoutes {

    /** Everything but the API, the providers' hooks, health and metrics. */
    static final String PATHS = "^/(?!v1(?:/|$)|hooks(?:/|$)|health(?:/|$)|metrics(?:/|$)).*";

    private static final String WEB_ROOT = "console";
    /** No inline script or style, nothing from another origin, no framing. */
    private static final String CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private ConsoleRoutes() {
    }

    public static void mount(Router router) {
        StaticHandler files = StaticHandler.create(WEB_ROOT)
                .setIndexPage("index.html")
                .setDirectoryListing(false)
                .setIncludeHidden(false);
        router.routeWithRegex(HttpMethod.GET, PATHS).handler(ConsoleRoutes::headers).handler(files);
        router.routeWithRegex(HttpMethod.HEAD, PATHS).handler(ConsoleRoutes::headers).handler(files);
    }

    private static void headers(RoutingContext ctx) {
        // put when the response is about to be written, so that the static handler's own cache header is replaced
        ctx.addHeadersEndHandler(v -> ctx.response().headers()
                .set("Cache-Control", "no-cache")
                .set("Content-Security-Policy", CSP)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "same-origin"));
        ctx.next();
    }
}
