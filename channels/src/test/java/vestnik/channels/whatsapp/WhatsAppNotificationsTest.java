package vestnik.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.InboundEvent.StatusUpdate;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.spi.Sender;
import vestnik.channels.testing.Fixtures;

class WhatsAppNotificationsTest {

    private static final String OUR_WAMID = "wamid.HBgLNzkxNjEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";

    private static List<InboundEvent> events(String fixture) {
        return WhatsAppNotifications.parse("wa", Fixtures.json(fixture)).events();
    }

    @Test
    @DisplayName("an inbound text comes from +wa_id with the profile name, addressed to our number")
    void inboundText() {
        assertThat(events("whatsapp-webhook-inbound-text.json")).containsExactly(new InboundMessage("wa",
                "wamid.HBgLNzkxNjEyMzQ1NjcVAgASGBQzQUI0NkE4NjM1QTU2NjVGOURGQgA=",
                new Sender("+79161234567", null, null, "Иван"), "+15550783881", "Привет, где мой заказ?",
                Instant.ofEpochSecond(1736951520L), null, null, java.util.Map.of("type", "text")));
    }

    @Test
    @DisplayName("a reply names the wamid of our message it answers")
    void reply() {
        InboundMessage reply = (InboundMessage) events("whatsapp-webhook-inbound-reply-context.json").get(0);

        assertThat(reply.inReplyToProviderId()).isEqualTo(OUR_WAMID);
        assertThat(reply.text()).isEqualTo("Да");
        assertThat(reply.dedupKey()).isEqualTo("mo:wamid.HBgLNzkxNjEyMzQ1NjcVAgASGBQzQUI0NkE4NjM1QTU2NjVGOURGQwA=");
    }

    @Test
    @DisplayName("sent, delivered and read statuses move our message by its wamid")
    void statuses() {
        assertThat(events("whatsapp-webhook-status-sent.json")).containsExactly(new StatusUpdate("wa", OUR_WAMID,
                MessageStatus.SENT, null, null, Instant.ofEpochSecond(1736951500L)));
        assertThat(events("whatsapp-webhook-status-delivered.json")).containsExactly(new StatusUpdate("wa", OUR_WAMID,
                MessageStatus.DELIVERED, null, null, Instant.ofEpochSecond(1736951502L)));
        assertThat(events("whatsapp-webhook-status-read.json")).containsExactly(new StatusUpdate("wa", OUR_WAMID,
                MessageStatus.READ, null, null, Instant.ofEpochSecond(1736951560L)));
    }

    @Test
    @DisplayName("a failed status carries Meta's error code and its title and details")
    void failed() {
        assertThat(events("whatsapp-webhook-status-failed.json")).containsExactly(new StatusUpdate("wa", OUR_WAMID,
                MessageStatus.FAILED, "131047", "Re-engagement message: Message failed to send because more than 24 "
                + "hours have passed since the customer last replied to this number.",
                Instant.ofEpochSecond(1736951503L)));
        assertThat(events("whatsapp-webhook-status-failed-undeliverable.json")).singleElement()
                .isInstanceOfSatisfying(StatusUpdate.class, s -> {
                    assertThat(s.errorCode()).isEqualTo("131026");
                    assertThat(s.detail()).isEqualTo("Message undeliverable: Message Undeliverable.");
                });
    }

    @Test
    @DisplayName("a failed status with 131050 (the user stopped marketing messages) is also an opt-out by phone")
    void stoppedMarketingIsOptOut() {
        ObjectNode root = (ObjectNode) Fixtures.json("whatsapp-webhook-status-failed.json");
        ObjectNode error = (ObjectNode) root.at("/entry/0/changes/0/value/statuses/0/errors/0");
        error.put("code", 131050).put("title", "User has stopped marketing messages");

        List<InboundEvent> events = WhatsAppNotifications.parse("wa", root).events();

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(StatusUpdate.class,
                s -> assertThat(s.errorCode()).isEqualTo("131050"));
        assertThat(events.get(1)).isEqualTo(new OptOut("wa", Sender.phone("+79161234567"), "whatsapp 131050",
                Instant.ofEpochSecond(1736951503L)));
    }

    @Test
    @DisplayName("several entries and changes in one POST are all parsed, in order")
    void batched() {
        JsonNode inbound = Fixtures.json("whatsapp-webhook-inbound-text.json");
        ObjectNode batch = (ObjectNode) Fixtures.json("whatsapp-webhook-status-read.json");
        ArrayNode entries = (ArrayNode) batch.get("entry");
        ((ArrayNode) entries.get(0).get("changes")).add(Fixtures.json("whatsapp-webhook-status-delivered.json")
                .at("/entry/0/changes/0"));
        entries.add(inbound.at("/entry/0"));

        List<InboundEvent> events = WhatsAppNotifications.parse("wa", batch).events();

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(StatusUpdate.class,
                s -> assertThat(s.status()).isEqualTo(MessageStatus.READ));
        assertThat(events.get(1)).isInstanceOfSatisfying(StatusUpdate.class,
                s -> assertThat(s.status()).isEqualTo(MessageStatus.DELIVERED));
        assertThat(events.get(2)).isInstanceOf(InboundMessage.class);
    }

    @Test
    @DisplayName("read before delivered and a delivered after failed are all emitted: monotonicity is the gateway's")
    void outOfOrder() {
        List<InboundEvent> events = new java.util.ArrayList<>();
        for (String f : List.of("whatsapp-webhook-status-read.json", "whatsapp-webhook-status-failed.json",
                "whatsapp-webhook-status-delivered.json", "whatsapp-webhook-status-sent.json")) {
            events.addAll(events(f));
        }

        assertThat(events).extracting(e -> ((StatusUpdate) e).status()).containsExactly(
                MessageStatus.READ, MessageStatus.FAILED, MessageStatus.DELIVERED, MessageStatus.SENT);
    }

    @Test
    @DisplayName("a status Meta sends again has the same dedup key; a different status of the same message does not")
    void duplicateStatus() {
        InboundEvent read = events("whatsapp-webhook-status-read.json").get(0);
        InboundEvent readAgain = events("whatsapp-webhook-status-read.json").get(0);
        InboundEvent delivered = events("whatsapp-webhook-status-delivered.json").get(0);

        assertThat(readAgain.dedupKey()).isEqualTo(read.dedupKey()).isEqualTo("st:" + OUR_WAMID + ":read");
        assertThat(delivered.dedupKey()).isNotEqualTo(read.dedupKey());
    }

    @Test
    @DisplayName("a system-level errors notification moves nothing: it comes back as a system error to log")
    void systemErrors() {
        WhatsAppNotifications.Parsed parsed =
                WhatsAppNotifications.parse("wa", Fixtures.json("whatsapp-webhook-value-errors-rate-limit.json"));

        assertThat(parsed.events()).isEmpty();
        assertThat(parsed.systemErrors()).containsExactly(new WhatsAppNotifications.SystemError(130429, "Rate limit hit"));
    }

    @Test
    @DisplayName("legacy and unknown statuses are ignored")
    void unknownStatusIgnored() {
        ObjectNode root = (ObjectNode) Fixtures.json("whatsapp-webhook-status-read.json");
        ((ObjectNode) root.at("/entry/0/changes/0/value/statuses/0")).put("status", "deleted");

        assertThat(WhatsAppNotifications.parse("wa", root).events()).isEmpty();
    }

    @Test
    @DisplayName("a shared contact and a button reply become messages with their content in text and attributes")
    void contactAndButton() throws Exception {
        ObjectNode root = (ObjectNode) Fixtures.json("whatsapp-webhook-inbound-text.json");
        ArrayNode messages = (ArrayNode) root.at("/entry/0/changes/0/value/messages");
        messages.removeAll();
        ObjectMapper json = new ObjectMapper();
        messages.add(json.readTree("{\"from\":\"79161234567\",\"id\":\"wamid.C1\",\"timestamp\":\"1736951700\","
                + "\"type\":\"contacts\",\"contacts\":[{\"name\":{\"formatted_name\":\"Пётр Иванов\"},"
                + "\"phones\":[{\"phone\":\"+7 916 765-43-21\",\"wa_id\":\"79167654321\",\"type\":\"CELL\"}]}]}"));
        messages.add(json.readTree("{\"from\":\"79161234567\",\"id\":\"wamid.B1\",\"timestamp\":\"1736951701\","
                + "\"context\":{\"from\":\"15550783881\",\"id\":\"" + OUR_WAMID + "\"},"
                + "\"type\":\"button\",\"button\":{\"text\":\"Оплатил\",\"payload\":\"PAID\"}}"));

        List<InboundEvent> events = WhatsAppNotifications.parse("wa", root).events();

        InboundMessage contact = (InboundMessage) events.get(0);
        assertThat(contact.text()).isEqualTo("Пётр Иванов +7 916 765-43-21");
        assertThat(contact.attributes()).containsEntry("contactWaId", "79167654321").containsEntry("type", "contacts");
        InboundMessage button = (InboundMessage) events.get(1);
        assertThat(button.text()).isEqualTo("Оплатил");
        assertThat(button.inReplyToProviderId()).isEqualTo(OUR_WAMID);
        assertThat(button.attributes()).containsEntry("buttonPayload", "PAID");
    }

    @Test
    @DisplayName("a body that is not a WhatsApp Business Account notification is refused")
    void notWhatsApp() throws Exception {
        assertThatThrownBy(() -> WhatsAppNotifications.parse("wa", new ObjectMapper().readTree("{\"object\":\"page\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
