package vestnik.channels.voicehttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.OutboundMessage;
import vestnik.channels.spi.Recipient;
import vestnik.channels.spi.SendResult;
import vestnik.channels.spi.SendResult.Accepted;
import vestnik.channels.spi.SendResult.Failed;
import vestnik.channels.testing.Fixtures;
import vestnik.channels.testing.ProviderPeer;

/** The channel against a voice API on loopback (WireMock) answering with the exolve fixtures. */
class VoiceHttpChannelTest {

    private static final String PATH = "/call/v1/MakeVoiceMessage";
    private static final String TEXT = "Здравствуйте! Ваш заказ номер 12345 передан в доставку.";
    @RegisterExtension
    static final ProviderPeer exolve = new ProviderPeer();
    private VoiceHttpChannel channel;

    @AfterEach
    void stopChannel() {
        if (channel != null) {
            Fixtures.await(channel.stop());
        }
    }

    private VoiceHttpChannel channel(String extra) {
        channel = (VoiceHttpChannel) new VoiceHttpChannelFactory().create("voice", Fixtures.parse("""
                { "type": "voice-http", "baseUrl": "%s", "apiKey": "eyJhbGciOi", "sourceNumber": "74951234567",
                  "voice": "marina", "requestTimeout": "10s" %s }""".formatted(exolve.baseUrl(), extra)),
                exolve.vertx(), new SimpleMeterRegistry());
        Fixtures.await(channel.start(e -> io.vertx.core.Future.succeededFuture()));
        return channel;
    }

    private static OutboundMessage message(Object payload) {
        return new OutboundMessage("m-1", "t-1", Recipient.phone("+79161234567"), TEXT, null,
                (vestnik.channels.spi.ChannelPayload) payload, null, 1, null);
    }

    @Test
    @DisplayName("a text is spoken: the exact TTS body with Bearer auth, and call_id becomes the provider id")
    void spoken() {
        exolve.stubFor(post(PATH).willReturn(okJson(Fixtures.text("exolve-makevoicemessage-response.json"))));

        SendResult result = Fixtures.await(channel("").send(message(null)));

        assertThat(result).isEqualTo(Accepted.of("701234567890"));
        exolve.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer eyJhbGciOi"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(Fixtures.text("exolve-makevoicemessage-request-tts.json"))));
    }

    @Test
    @DisplayName("a prepared voice message (payload or channel serviceId) is sent by service_id, as in the .http fixture")
    void prepared() {
        exolve.stubFor(post(PATH).willReturn(okJson("{\"call_id\":\"701234567891\"}")));

        assertThat(Fixtures.await(channel("").send(message(new VoiceHttpPayload("123456")))))
                .isEqualTo(Accepted.of("701234567891"));
        Fixtures.await(channel.stop());
        assertThat(Fixtures.await(channel(", \"serviceId\": \"123456\"").send(message(null))))
                .isEqualTo(Accepted.of("701234567891"));

        exolve.verify(2, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson(Fixtures.text("exolve-makevoicemessage-request.json"))));
    }

    @Test
    @DisplayName("429 is rate-limited after Retry-After; 401 is our key and makes the channel not ready")
    void refusals() {
        exolve.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                .withBody("{\"error\":{\"message\":\"Too many requests\"}}")));
        SendResult throttled = Fixtures.await(channel("").send(message(null)));
        assertThat(throttled).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        });

        exolve.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Unauthorized\"}")));
        SendResult refused = Fixtures.await(channel.send(message(null)));
        assertThat(refused).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMANENT_CONFIG);
            assertThat(f.code()).isEqualTo(FailureCodes.BAD_CONFIGURATION);
        });
        assertThat(channel.isReady()).isFalse();
    }

    @Test
    @DisplayName("a 200 without call_id is transient, and a contact without a phone is refused without a call")
    void noCallIdAndNoPhone() {
        exolve.stubFor(post(PATH).willReturn(okJson("{}")));
        assertThat(Fixtures.await(channel("").send(message(null)))).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT));

        SendResult noPhone = Fixtures.await(channel.send(new OutboundMessage("m-2", "t-1",
                new Recipient(null, "a@b.ru", null, null), TEXT, null, null, null, 1, null)));
        assertThat(noPhone).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.code()).isEqualTo(FailureCodes.INVALID_RECIPIENT));
        exolve.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("an unreachable API is a transient failure")
    void unreachable() {
        exolve.stubFor(post(PATH).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(Fixtures.await(channel("").send(message(null)))).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            assertThat(f.code()).isEqualTo(FailureCodes.PROVIDER_UNAVAILABLE);
        });
    }
}
