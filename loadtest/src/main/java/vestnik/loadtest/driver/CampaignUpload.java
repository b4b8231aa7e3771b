package vestnik.loadtest.driver;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Every job as one row of a single {@code POST /v1/campaigns} upload, written as a chunked CSV stream under the
 * request's back-pressure (the driver holds no more than a chunk of rows either). The window is today in a zone
 * where it is now daytime, so the messages go out at once. All jobs count as accepted when the answer comes.
 */
final class CampaignUpload implements Intake {

    private static final int ROWS_PER_CHUNK = 500;

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final String host;
    private final int port;
    private final String path;
    private final String authorization;
    private final String runId;

    CampaignUpload(Vertx vertx, URI gateway, String apiKey, String runId) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true));
        GatewayEndpoint endpoint = GatewayEndpoint.of(gateway, apiKey, "/v1/campaigns");
        this.host = endpoint.host();
        this.port = endpoint.port();
        this.path = endpoint.path();
        this.authorization = endpoint.authorization();
        this.runId = runId;
    }

    /** The query of a campaign open now: a fixed-offset zone in which it is between 10:00 and 19:59. */
    static String query(String name) {
        int utcHour = ZonedDateTime.now(ZoneId.of("UTC")).getHour();
        int offset = Math.floorMod(14 - utcHour + 12, 24) - 12;
        String zone = offset == 0 ? "UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
        String today = LocalDate.now(ZoneId.of(zone)).toString();
        return "name=" + enc(name) + "&text=" + enc(SinglePosts.TEXT) + "&channel=sms&priority=normal&zone=" + enc(zone)
                + "&from=" + today + "&to=" + today;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public Future<IntakeResult> push(PushPlan plan, JobTimeline timeline) {
        Context context = vertx.getOrCreateContext();
        Promise<IntakeResult> done = Promise.promise();
        context.runOnContext(v -> start(plan, timeline, done));
        return done.future();
    }

    private void start(PushPlan plan, JobTimeline timeline, Promise<IntakeResult> done) {
        long start = System.nanoTime();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI(path + "?" + query("loadtest " + runId)).setTimeout(600_000)
                .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8");
        client.request(options).onFailure(done::fail).onSuccess(request -> {
            request.setChunked(true);
            request.response().compose(response -> response.body().map(b -> Map.entry(response.statusCode(), b)))
                    .onComplete(ar -> {
                        long now = System.nanoTime();
                        Map<Integer, Long> other = new HashMap<>();
                        long accepted = 0;
                        if (ar.succeeded() && ar.result().getKey() == 201) {
                            JsonObject body = new JsonObject(ar.result().getValue());
                            accepted = body.getLong("accepted");
                            for (int j = 0; j < plan.jobs(); j++) {
                                timeline.accepted(j, now);
                            }
                            if (body.getLong("rejected") > 0) {
                                other.put(422, body.getLong("rejected"));
                            }
                        } else if (ar.succeeded()) {
                            other.put(ar.result().getKey(), (long) plan.jobs());
                            System.err.println("campaign upload refused: " + ar.result().getValue());
                        }
                        done.tryComplete(new IntakeResult(accepted, other, ar.succeeded() ? 0 : plan.jobs(), start, now));
                    });
            request.write("phone;n\n");
            writeFrom(request, plan, timeline, 0);
        });
    }

    private void writeFrom(HttpClientRequest request, PushPlan plan, JobTimeline timeline, int first) {
        int j = first;
        while (j < plan.jobs()) {
            int end = Math.min(plan.jobs(), j + ROWS_PER_CHUNK);
            StringBuilder chunk = new StringBuilder((end - j) * 24);
            long now = System.nanoTime();
            for (; j < end; j++) {
                chunk.append(Destinations.phone(j)).append(';').append(j).append('\n');
                timeline.posted(j, now);
            }
            request.write(Buffer.buffer(chunk.toString()));
            if (request.writeQueueFull()) {
                int next = j;
                request.drainHandler(v -> writeFrom(request, plan, timeline, next));
                return;
            }
        }
        request.end();
    }

    @Override
    public void close() {
        client.close();
    }
}
