package vestnik.gateway.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import vestnik.gateway.config.Role;
import vestnik.gateway.enforcement.ReferenceData;

/**
 * {@code /v1/admin}: the contact policy's reference data. The official DEF/ABC numbering-plan files (as
 * published, 6/7/8 columns, UTF-8 or Windows-1251) place a debtor known only by phone in a time zone; an
 * uploaded production calendar replaces the shipped 2025–2027 one.
 */
public final class AdminApi {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ReferenceData reference;

    public AdminApi(ReferenceData reference) {
        this.reference = reference;
    }

    public void putNumberingPlan(RoutingContext ctx) {
        Responses.handle(ctx, Role.ADMIN, p -> {
            String name = ctx.pathParam("name");
            if (!NAME.matcher(name).matches()) {
                throw new ApiError(ErrorCode.VALIDATION_FAILED, "the file name is 1-64 letters, digits, '.', '_' or '-'");
            }
            byte[] body = body(ctx);
            return reference.putPlanFile(name, body)
                    .recover(e -> io.vertx.core.Future.failedFuture(e instanceof IllegalArgumentException
                            ? new ApiError(ErrorCode.INVALID_REFERENCE_DATA, "not a numbering-plan file: " + e.getMessage()) : e))
                    .map(r -> Responses.Reply.ok(new JsonObject().put("name", name).put("layout", String.valueOf(r.layout()))
                            .put("charset", String.valueOf(r.charset())).put("ranges", r.ranges()).put("skipped", r.skipped())));
        });
    }

    public void deleteNumberingPlan(RoutingContext ctx) {
        Responses.handle(ctx, Role.ADMIN, p -> reference.deletePlanFile(ctx.pathParam("name")).map(found -> {
            if (!found) {
                throw new ApiError(ErrorCode.NOT_FOUND, "no numbering-plan file '" + ctx.pathParam("name") + "'");
            }
            return Responses.Reply.ok(new JsonObject().put("deleted", ctx.pathParam("name")));
        }));
    }

    public void putCalendar(RoutingContext ctx) {
        Responses.handle(ctx, Role.ADMIN, p -> reference.putCalendar(new String(body(ctx), StandardCharsets.UTF_8))
                .recover(e -> io.vertx.core.Future.failedFuture(e instanceof IllegalArgumentException
                        ? new ApiError(ErrorCode.INVALID_REFERENCE_DATA, "not a production calendar: " + e.getMessage()) : e))
                .map(years -> Responses.Reply.ok(new JsonObject().put("years", new JsonArray(years.stream().sorted().toList())))));
    }

    private static byte[] body(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "the body is empty: send the file itself");
        }
        return ctx.body().buffer().getBytes();
    }
}
