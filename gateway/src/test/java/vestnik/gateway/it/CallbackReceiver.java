package vestnik.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An upstream system's callback endpoint on loopback (WireMock): answers as stubbed and records every
 * request in the order it arrived, with the status it was answered.
 */
final class CallbackReceiver implements AutoCloseable {

    /** One POST as the upstream saw it. */
    record Received(String path, String timestamp, String signature, String body, int answered) {
        JsonObject json() {
            return new JsonObject(body);
        }

        String eventId() {
            return json().getString("eventId");
        }

        String messageId() {
            return json().getString("messageId");
        }

        String status() {
            return json().getString("status");
        }

        /** The signature recomputed here, without the gateway's code: HMAC-SHA256(secret, timestamp + "." + body). */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                return ("sha256=" + HexFormat.of().formatHex(digest)).equals(signature);
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final List<Received> received = new CopyOnWriteArrayList<>();

    CallbackReceiver() {
        server.addMockServiceRequestListener((request, response) -> received.add(new Received(request.getUrl(),
                request.getHeader("X-Vestnik-Timestamp"), request.getHeader("X-Vestnik-Signature"),
                request.getBodyAsString(), response.getStatus())));
        server.start();
        answer("/", 200);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Every path answers {@code status} unless stubbed otherwise. */
    void answer(String pathPrefix, int status) {
        server.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(pathPrefix + ".*"))
                .willReturn(aResponse().withStatus(status)));
    }

    /** {@code path} answers each of {@code statuses} once, in turn, and 200 after that. */
    void answerInTurn(String path, int... statuses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String nextState = "answered " + (i + 1);
            server.stubFor(post(urlPathEqualTo(path)).atPriority(1).inScenario(path).whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(statuses[i])).willSetStateTo(nextState));
            state = nextState;
        }
        server.stubFor(post(urlPathEqualTo(path)).atPriority(1).inScenario(path).whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200)));
    }

    /** Every request for the message, in arrival order. */
    List<Received> of(String messageId) {
        return received.stream().filter(r -> messageId.equals(r.messageId())).toList();
    }

    /** The message's callbacks that the receiver accepted (2xx), in arrival order. */
    List<Received> acceptedOf(String messageId) {
        return of(messageId).stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop();
    }
}
