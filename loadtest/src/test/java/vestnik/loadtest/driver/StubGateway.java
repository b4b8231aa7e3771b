package vestnik.loadtest.driver;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * The smallest gateway the driver can measure, written for its test: {@code POST /v1/messages} answers 202 and then
 * submits the SMS over a jSMPP bind to the driver's SMSC simulator; receipts are acknowledged as they come;
 * {@code /health/ready} is 200 once bound; {@code /metrics} shows a fixed heap.
 */
final class StubGateway implements AutoCloseable {

    static final String KEY = "stub-key";
    static final long HEAP = 48L * 1024 * 1024;

    private final Vertx vertx = Vertx.vertx();
    private final int smscPort;
    private final AtomicInteger receipts = new AtomicInteger();
    private volatile SMPPSession session;
    private HttpServer server;

    StubGateway(int smscPort) {
        this.smscPort = smscPort;
    }

    StubGateway start() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> {
            switch (req.path()) {
                case "/health/ready" -> vertx.executeBlocking(this::bound)
                        .onComplete(ar -> req.response().setStatusCode(ar.succeeded() && ar.result() ? 200 : 503)
                                .end(new JsonObject().put("redis", "up").encode()));
                case "/metrics" -> req.response().end("jvm_memory_used_bytes{area=\"heap\",id=\"eden\"} "
                        + HEAP / 2 + "\njvm_memory_used_bytes{area=\"heap\",id=\"old\"} " + HEAP / 2 + "\n");
                case "/v1/messages" -> req.body().onSuccess(body -> {
                    if (!("Bearer " + KEY).equals(req.getHeader("Authorization"))) {
                        req.response().setStatusCode(401).end();
                        return;
                    }
                    String phone = body.toJsonObject().getJsonObject("to").getString("phone");
                    req.response().setStatusCode(202).end("{\"status\":\"queued\"}");
                    vertx.executeBlocking(() -> submit(phone.substring(1)), false);
                });
                default -> req.response().setStatusCode(404).end();
            }
        });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return this;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    int receiptsAcknowledged() {
        return receipts.get();
    }

    private synchronized boolean bound() {
        if (session != null && session.getSessionState().isBound()) {
            return true;
        }
        SMPPSession s = new SMPPSession();
        s.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                receipts.incrementAndGet();
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                return null;
            }
        });
        try {
            s.connectAndBind("127.0.0.1", smscPort, new BindParameter(BindType.BIND_TRX, "stub", "secret", "",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 2000);
            session = s;
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private String submit(String destination) throws Exception {
        return session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "VESTNIK",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination, new ESMClass(), (byte) 0,
                (byte) 0, null, null, new RegisteredDelivery(1), (byte) 0, DataCodings.ZERO, (byte) 0,
                "reminder".getBytes(StandardCharsets.US_ASCII)).getMessageId();
    }

    @Override
    public void close() throws Exception {
        if (session != null) {
            session.unbindAndClose();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
