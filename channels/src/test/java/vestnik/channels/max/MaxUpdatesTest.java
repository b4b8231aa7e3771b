package vestnik.channels.max;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.LinkRequest;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.Sender;
import vestnik.channels.testing.Fixtures;

class MaxUpdatesTest {

    private static final Sender IVAN = new Sender(null, null, "54321", "Иван");
    private final MaxUpdates updates = new MaxUpdates("mx", "vestnik_bot");

    private List<InboundEvent> parse(String json) {
        return updates.parse(Fixtures.parse(json));
    }

    @Test
    @DisplayName("a new message is an inbound message keyed by its mid, from the sender's user_id")
    void created() {
        assertThat(updates.parse(Fixtures.json("max-update-message-created.json"))).containsExactly(
                new InboundMessage("mx", "mid.0000000000000001", IVAN, "vestnik_bot", "Где мой заказ?",
                        Instant.ofEpochMilli(1736951520000L), null, null, Map.of()));
    }

    @Test
    @DisplayName("a reply (link.type = reply) names the quoted message's mid")
    void reply() {
        assertThat(updates.parse(Fixtures.json("max-update-message-created-reply.json"))).containsExactly(
                new InboundMessage("mx", "mid.0000000000000002", IVAN, "vestnik_bot", "Да",
                        Instant.ofEpochMilli(1736951580000L), "mid.0000000000000000", null, Map.of()));
    }

    @Test
    @DisplayName("bot_started with a payload is a link request with that token")
    void started() {
        assertThat(updates.parse(Fixtures.json("max-update-bot-started.json"))).containsExactly(
                new LinkRequest("mx", IVAN, "promo-qr-01", null, Instant.ofEpochMilli(1736951400000L)));
    }

    @Test
    @DisplayName("bot_started without a payload binds nobody and is dropped")
    void startedWithoutPayload() {
        String json = Fixtures.text("max-update-bot-started.json").replace("\"payload\": \"promo-qr-01\",", "");

        assertThat(parse(json)).isEmpty();
    }

    @Test
    @DisplayName("a button press is an inbound message with the callback payload, in reply to the message with the button")
    void callback() {
        assertThat(updates.parse(Fixtures.json("max-update-message-callback.json"))).containsExactly(
                new InboundMessage("mx", "CALLBACK_ID_EXAMPLE", IVAN, "vestnik_bot", "confirm:7f3c2a",
                        Instant.ofEpochMilli(1736951600000L), "mid.0000000000000003", null, Map.of("callback", "confirm:7f3c2a")));
    }

    @Test
    @DisplayName("bot_stopped and bot_removed are opt-outs of the user")
    void optOuts() {
        for (String type : List.of("bot_stopped", "bot_removed")) {
            List<InboundEvent> events = parse("""
                    {"update_type":"%s","timestamp":1775025604499,"chat_id":182182182,
                     "user":{"user_id":54321,"first_name":"Иван","is_bot":false,"name":"Иван"},"user_locale":"ru"}""".formatted(type));
            assertThat(events).containsExactly(new OptOut("mx", IVAN, type, Instant.ofEpochMilli(1775025604499L)));
        }
    }

    @Test
    @DisplayName("an edit is a new inbound message marked edited, keyed apart from the original")
    void edited() {
        String json = Fixtures.text("max-update-message-created.json")
                .replace("\"message_created\"", "\"message_edited\"")
                .replace("\"timestamp\": 1736951520000,\n  \"message\"", "\"timestamp\": 1736951700000,\n  \"message\"")
                .replace("Где мой заказ?", "Где мой заказ №2?");

        InboundMessage m = (InboundMessage) parse(json).get(0);

        assertThat(m.providerMessageId()).isEqualTo("mid.0000000000000001:edited:1736951700000");
        assertThat(m.attributes()).containsEntry("edited", "true").containsEntry("originalProviderMessageId", "mid.0000000000000001");
        assertThat(m.at()).isEqualTo(Instant.ofEpochMilli(1736951700000L));
        assertThat(m.dedupKey()).isNotEqualTo(updates.parse(Fixtures.json("max-update-message-created.json")).get(0).dedupKey());
    }

    @Test
    @DisplayName("the same update delivered twice yields the same dedup key")
    void duplicate() {
        for (String fixture : List.of("max-update-message-created.json", "max-update-message-created-reply.json",
                "max-update-bot-started.json", "max-update-message-callback.json")) {
            String first = updates.parse(Fixtures.json(fixture)).get(0).dedupKey();
            String again = updates.parse(Fixtures.json(fixture)).get(0).dedupKey();
            assertThat(again).as(fixture).isEqualTo(first);
        }
    }

    @Test
    @DisplayName("messages in group chats are dropped: a group is never a debtor")
    void groupIgnored() {
        String json = Fixtures.text("max-update-message-created.json").replace("\"dialog\"", "\"chat\"");

        assertThat(parse(json)).isEmpty();
    }

    @Test
    @DisplayName("a shared contact is kept as an inbound message with its attachment kind, not as a link")
    void contactAttachment() {
        assertThat(parse("""
                {"update_type":"message_created","timestamp":1736951520000,"message":{
                  "sender":{"user_id":54321,"name":"Иван","is_bot":false},
                  "recipient":{"chat_id":-100000000,"chat_type":"dialog","user_id":12345},"timestamp":1736951520000,
                  "body":{"mid":"mid.0000000000000009","seq":3,"text":"",
                          "attachments":[{"type":"contact","payload":{"vcf_info":"BEGIN:VCARD","hash":"x"}}]}}}"""))
                .singleElement().isInstanceOfSatisfying(InboundMessage.class,
                        m -> assertThat(m.attributes()).containsEntry("attachment", "contact"));
    }

    @Test
    @DisplayName("user ids beyond 2^53 keep every digit")
    void bigIds() {
        String json = Fixtures.text("max-update-message-created.json").replace("54321", "9007199254740993");

        assertThat(((InboundMessage) parse(json).get(0)).from().channelUserId()).isEqualTo("9007199254740993");
    }

    @Test
    @DisplayName("update types we do not use yield nothing")
    void unknown() {
        assertThat(parse("{\"update_type\":\"chat_title_changed\",\"timestamp\":1,\"chat_id\":1,\"title\":\"x\"}")).isEmpty();
    }
}
