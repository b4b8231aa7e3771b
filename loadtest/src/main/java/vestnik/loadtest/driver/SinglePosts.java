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
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Jobs as single {@code POST /v1/messages} calls over keep-alive connections, all on one event loop: as fast as
 * answers come back with {@code concurrency} requests in flight, or paced to a rate by a 1 ms timer (still capped
 * at {@code concurrency} in flight, so a slow gateway shows as a lower achieved rate, not as a pile of requests).
 * Each job carries an {@code externalId}, as an upstream system's would, so the gateway's idempotency work is in
 * the figures.
 */
final class SinglePosts implements Intake {

    /** A typical reminder: Cyrillic, one UCS-2 segment (under 70 characters). */
    static final String TEXT = "Долг 1 200 ₽ за ЖКУ. ООО «Демо», тел. 8 800 000-00-00";

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final String host;
    private final int port;
    private final String path;
    private final String authorization;
    private final String runId;

    SinglePosts(Vertx vertx, URI gateway, String apiKey, int concurrency, String runId) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(concurrency));
        GatewayEndpoint endpoint = GatewayEndpoint.of(gateway, apiKey, "/v1/messages");
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

    String body(int job) {
        return job(runId, job);
    }

    /** The {@code externalId}s of a run's jobs start with this; the job's number follows. */
    static String externalIdPrefix(String runId) {
        return "lt-" + runId + "-";
    }

    /** One job as every intake mode posts it: its own destination phone, and an externalId that names the job. */
    static String job(String runId, int job) {
        return "{\"externalId\":\"" + externalIdPrefix(runId) + job + "\",\"to\":{\"phone\":\"" + Destinations.phone(job)
                + "\"},\"channel\":\"sms\",\"text\":\"" + TEXT + "\"}";
    }

    @Override
    public void close() {
        client.close();
    }

    /** One push; every field is touched only on the event loop it started on. */
    private final class Run {
        private final PushPlan plan;
        private final JobTimeline timeline;
        private final Promise<IntakeResult> done;
        private final Map<Integer, Long> otherStatuses = new HashMap<>();
        private int issued;
        private int answered;
        private int inFlight;
        private long accepted;
        private long transportErrors;
        private long start;
        private long lastAnswer;
        private long timer = -1;

        Run(PushPlan plan, JobTimeline timeline, Promise<IntakeResult> done) {
            this.plan = plan;
            this.timeline = timeline;
            this.done = done;
        }

        void start() {
            start = System.nanoTime();
            if (plan.paced()) {
                timer = vertx.setPeriodic(1, id -> pace());
                pace();
            } else {
                while (inFlight < plan.concurrency() && issued < plan.jobs()) {
                    send(issued);
                }
            }
        }

        private void pace() {
            long due = (long) (plan.ratePerSecond() * (System.nanoTime() - start) / 1e9) + 1;
            while (issued < due && issued < plan.jobs() && inFlight < plan.concurrency()) {
                send(issued);
            }
            if (issued >= plan.jobs() && timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }

        private void send(int job) {
            issued++;
            inFlight++;
            long posted = System.nanoTime();
            timeline.posted(job, posted);
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                    .setURI(path)
                    .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body(job))))
                    .compose(response -> response.body().map(b -> response.statusCode()))
                    .onComplete(ar -> answered(job, ar.succeeded() ? ar.result() : -1));
        }

        private void answered(int job, int status) {
            long now = System.nanoTime();
            inFlight--;
            answered++;
            lastAnswer = now;
            if (status == 202) {
                accepted++;
                timeline.accepted(job, now);
            } else if (status < 0) {
                transportErrors++;
            } else {
                otherStatuses.merge(status, 1L, Long::sum);
            }
            if (answered == plan.jobs()) {
                done.complete(new IntakeResult(accepted, otherStatuses, transportErrors, start, lastAnswer));
            } else if (!plan.paced() && issued < plan.jobs()) {
                send(issued);
            }
        }
    }
}
