package vestnik.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.LinkRequest;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.InboundEvent.StatusUpdate;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.spi.Sender;
import vestnik.channels.testing.Fixtures;

class ViberCallbacksTest {

    private static List<InboundEvent> parse(String fixture) throws Exception {
        return ViberCallbacks.parse("vb", ViberJson.read(Fixtures.bytes(fixture)));
    }

    private static List<InboundEvent> parseJson(String json) throws Exception {
        return ViberCallbacks.parse("vb", ViberJson.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("a delivered receipt keeps the message token exact, though it exceeds 2^53")
    void delivered() throws Exception {
        assertThat(parse("viber-callback-delivered.json")).containsExactly(new StatusUpdate("vb",
                "5741311803571721087", MessageStatus.DELIVERED, null, null, Instant.ofEpochMilli(1736951580123L)));
        // the premise: through a double this token would come out as another number
        assertThat(new java.math.BigDecimal((double) 5741311803571721087L).toBigInteger().toString())
                .isNotEqualTo("5741311803571721087");
    }

    @Test
    @DisplayName("seen is read, and failed carries Viber's description")
    void seenAndFailed() throws Exception {
        assertThat(parse("viber-callback-seen.json")).containsExactly(new StatusUpdate("vb",
                "5741311803571721087", MessageStatus.READ, null, null, Instant.ofEpochMilli(1736951640456L)));
        assertThat(parse("viber-callback-failed.json")).containsExactly(new StatusUpdate("vb",
                "5741311803571721087", MessageStatus.FAILED, null, "failure description",
                Instant.ofEpochMilli(1736951580999L)));
    }

    @Test
    @DisplayName("a token beyond the range of a long still comes out as its exact decimal digits")
    void tokenBeyondLong() throws Exception {
        List<InboundEvent> events = parseJson(
                "{\"event\":\"delivered\",\"timestamp\":1736951580123,\"message_token\":18446744073709551615,\"user_id\":\"u\"}");

        assertThat(((StatusUpdate) events.get(0)).providerId()).isEqualTo("18446744073709551615");
    }

    @Test
    @DisplayName("a user's message comes from the Viber user id with their name, and remembers our tracking data")
    void message() throws Exception {
        InboundMessage message = (InboundMessage) parse("viber-callback-message.json").get(0);

        assertThat(message.channelId()).isEqualTo("vb");
        assertThat(message.providerMessageId()).isEqualTo("5741311803571722000");
        assertThat(message.from()).isEqualTo(new Sender(null, null, "01234567890A=", "Иван"));
        assertThat(message.text()).isEqualTo("Когда доставка?");
        assertThat(message.at()).isEqualTo(Instant.ofEpochMilli(1736951700000L));
        assertThat(message.attributes()).containsEntry(ViberCallbacks.TRACKING_DATA, "gw-msg-7f3c2a")
                .containsEntry("type", "text");
        assertThat(message.dedupKey()).isEqualTo("mo:5741311803571722000");
    }

    @Test
    @DisplayName("a shared contact becomes a message whose text and attributes hold the name and number")
    void contact() throws Exception {
        InboundMessage message = (InboundMessage) parseJson("{\"event\":\"message\",\"timestamp\":1736951700000,"
                + "\"message_token\":5741311803571722001,\"sender\":{\"id\":\"01234567890A=\",\"name\":\"Иван\"},"
                + "\"message\":{\"type\":\"contact\",\"contact\":{\"name\":\"Пётр\",\"phone_number\":\"+79161234567\"}}}")
                .get(0);

        assertThat(message.text()).isEqualTo("Пётр +79161234567");
        assertThat(message.attributes()).containsEntry("contactPhone", "+79161234567").containsEntry("type", "contact");
    }

    @Test
    @DisplayName("conversation_started with our deep-link context asks to bind the user to a contact")
    void conversationStartedLinks() throws Exception {
        assertThat(parse("viber-callback-conversation-started.json")).containsExactly(new LinkRequest("vb",
                new Sender(null, null, "01234567890A=", "Иван"), "promo-qr-01", null,
                Instant.ofEpochMilli(1736951200000L)));
    }

    @Test
    @DisplayName("conversation_started without a context binds nobody")
    void conversationStartedWithoutContext() throws Exception {
        assertThat(parseJson("{\"event\":\"conversation_started\",\"timestamp\":1736951200000,"
                + "\"message_token\":5778326890086572728,\"type\":\"open\",\"user\":{\"id\":\"01234567890A=\"}}"))
                .isEmpty();
    }

    @Test
    @DisplayName("unsubscribed is an opt-out of this channel by that Viber user")
    void unsubscribed() throws Exception {
        assertThat(parse("viber-callback-unsubscribed.json")).containsExactly(new OptOut("vb",
                new Sender(null, null, "01234567890A=", null), "viber unsubscribed",
                Instant.ofEpochMilli(1736952000000L)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"viber-callback-webhook.json", "viber-callback-subscribed.json"})
    @DisplayName("set_webhook's probe and a bare subscribe store nothing")
    void nothingToStore(String fixture) throws Exception {
        assertThat(parse(fixture)).isEmpty();
    }

    @Test
    @DisplayName("a receipt delivered twice (two devices, or Viber's retry) gives the same dedup key")
    void duplicateReceipt() throws Exception {
        InboundEvent first = parse("viber-callback-delivered.json").get(0);
        InboundEvent second = parseJson("{\"event\":\"delivered\",\"timestamp\":1736951581999,"
                + "\"chat_hostname\":\"SN-CHAT-07_\",\"message_token\":5741311803571721087,\"user_id\":\"01234567890A=\"}")
                .get(0);

        assertThat(second.dedupKey()).isEqualTo(first.dedupKey()).isEqualTo("st:5741311803571721087:delivered");
    }

    @Test
    @DisplayName("seen arriving before delivered is emitted all the same: ordering is the gateway's")
    void outOfOrder() throws Exception {
        List<InboundEvent> events = new java.util.ArrayList<>(parse("viber-callback-seen.json"));
        events.addAll(parse("viber-callback-delivered.json"));

        assertThat(events).extracting(e -> ((StatusUpdate) e).status())
                .containsExactly(MessageStatus.READ, MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("a body without an event is not a Viber callback")
    void notACallback() {
        assertThatThrownBy(() -> parseJson("{\"status\":0}")).isInstanceOf(IllegalArgumentException.class);
    }
}
