package vestnik.loadtest.driver;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Jobs as {@code POST /v1/messages:batch} calls of {@value #BATCH} jobs, {@code batchesInFlight} at a time, as fast
 * as the gateway answers (a rate is not paced: a batch is the unit). Jobs look exactly like {@link SinglePosts}'.
 * A job counts as accepted when its entry in the answer carries an id.
 */
final class BatchPosts implements Intake {

    static final int BATCH = 1000;

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final String host;
    private final int port;
    private final String path;
    private final String authorization;
    private final String runId;
    private final int batchesInFlight;

    BatchPosts(Vertx vertx, URI gateway, String apiKey, int batchesInFlight, String runId) {
        this.vertx = vertx;
        this.batchesInFlight = batchesInFlight;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(batchesInFlight));
        GatewayEndpoint endpoint = GatewayEndpoint.of(gateway, apiKey, "/v1/messages:batch");
        this.host = endpoint.host();
        this.port = endpoint.port();
        this.path = endpoint.path();
        this.authorization = endpoint.authorization();
        this.runId = runId;
    }

    @Override
    public Future<IntakeResult> push(PushPlan plan, JobTimeline timeline) {
        Context context = vertx.getOrCreateContext();
        Promise<IntakeResult> done = Promise.promise();
        context.runOnContext(v -> new Run(plan, timeline, done).start());
        return done.future();
    }

    @Override
    public void close() {
        client.close();
    }

    private final class Run {
        private final PushPlan plan;
        private final JobTimeline timeline;
        private final Promise<IntakeResult> done;
        private final Map<Integer, Long> otherStatuses = new HashMap<>();
        private int issued;
        private int answered;
        private long accepted;
        private long transportErrors;
        private long start;
        private long lastAnswer;

        Run(PushPlan plan, JobTimeline timeline, Promise<IntakeResult> done) {
            this.plan = plan;
            this.timeline = timeline;
            this.done = done;
        }

        void start() {
            start = System.nanoTime();
            for (int i = 0; i < batchesInFlight && issued < plan.jobs(); i++) {
                send();
            }
        }

        private void send() {
            int first = issued;
            int count = Math.min(BATCH, plan.jobs() - first);
            issued += count;
            StringBuilder body = new StringBuilder(count * 160).append("{\"jobs\":[");
            long posted = System.nanoTime();
            for (int j = first; j < first + count; j++) {
                if (j > first) {
                    body.append(',');
                }
                body.append(SinglePosts.job(runId, j));
                timeline.posted(j, posted);
            }
            body.append("]}");
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                    .setURI(path).setTimeout(120_000)
                    .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body.toString())))
                    .compose(response -> response.body().map(b -> Map.entry(response.statusCode(), b)))
                    .onComplete(ar -> answered(first, count, ar.succeeded() ? ar.result().getKey() : -1,
                            ar.succeeded() ? ar.result().getValue() : null));
        }

        private void answered(int first, int count, int status, Buffer body) {
            long now = System.nanoTime();
            answered += count;
            lastAnswer = now;
            if (status == 200) {
                JsonArray results = new JsonObject(body).getJsonArray("results");
                for (int i = 0; i < results.size(); i++) {
                    JsonObject r = results.getJsonObject(i);
                    if (r.getString("id") != null) {
                        accepted++;
                        timeline.accepted(first + r.getInteger("index"), now);
                    } else {
                        otherStatuses.merge(422, 1L, Long::sum);
                    }
                }
            } else if (status < 0) {
                transportErrors += count;
            } else {
                otherStatuses.merge(status, (long) count, Long::sum);
            }
            if (answered == plan.jobs()) {
                done.complete(new IntakeResult(accepted, otherStatuses, transportErrors, start, lastAnswer));
            } else if (issued < plan.jobs()) {
                send();
            }
        }
    }
}
