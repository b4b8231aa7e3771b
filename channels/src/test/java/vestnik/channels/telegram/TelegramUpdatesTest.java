package vestnik.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

class TelegramUpdatesTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private final TelegramUpdates updates = new TelegramUpdates("tg", "vestnik_demo_bot", Clock.fixed(NOW, ZoneOffset.UTC));

    private List<InboundEvent> parse(String json) {
        return updates.parse(Fixtures.parse(json));
    }

    @Test
    @DisplayName("a reply is an inbound message naming the quoted message as <chat>:<id>")
    void reply() {
        List<InboundEvent> events = updates.parse(Fixtures.json("telegram-update-reply.json"));

        assertThat(events).containsExactly(new InboundMessage("tg", "1111111:1366",
                new Sender(null, null, "1111111", "Test Firstname Test Lastname"), "vestnik_demo_bot", "Да, подтверждаю",
                Instant.ofEpochSecond(1441645532), "1111111:1334", null, Map.of()));
    }

    @Test
    @DisplayName("a bare /start is an ordinary inbound message: someone opened the bot without a link")
    void bareStart() {
        List<InboundEvent> events = updates.parse(Fixtures.json("telegram-update-text.json"));

        assertThat(events).singleElement().isInstanceOfSatisfying(InboundMessage.class, m -> {
            assertThat(m.text()).isEqualTo("/start");
            assertThat(m.providerMessageId()).isEqualTo("1111111:1365");
            assertThat(m.from().channelUserId()).isEqualTo("1111111");
            assertThat(m.inReplyToProviderId()).isNull();
        });
    }

    @Test
    @DisplayName("/start <token> from a deep link is a link request with that token")
    void startWithToken() {
        String json = Fixtures.text("telegram-update-text.json").replace("\"/start\"", "\"/start Zx9_k-42\"");

        assertThat(parse(json)).containsExactly(new LinkRequest("tg",
                new Sender(null, null, "1111111", "Test Firstname Test Lastname"), "Zx9_k-42", null,
                Instant.ofEpochSecond(1441645532)));
    }

    @Test
    @DisplayName("a contact the sender shares of themselves links by phone, normalised to E.164 with '+'")
    void ownContact() {
        List<InboundEvent> events = updates.parse(Fixtures.json("telegram-update-contact.json"));

        assertThat(events).containsExactly(new LinkRequest("tg",
                new Sender("+79161234567", null, "1111111", "Test Firstname"), null, "+79161234567",
                Instant.ofEpochSecond(1441645600)));
    }

    @Test
    @DisplayName("someone else's contact card does not link: it is an inbound message with the phone in attributes")
    void foreignContact() {
        String json = Fixtures.text("telegram-update-contact.json").replace("\"user_id\": 1111111", "\"user_id\": 2222222");

        assertThat(parse(json)).singleElement().isInstanceOfSatisfying(InboundMessage.class, m -> {
            assertThat(m.attributes()).containsEntry("attachment", "contact").containsEntry("contactPhone", "+79161234567");
            assertThat(m.from().phone()).isNull();
        });
    }

    @Test
    @DisplayName("a contact card without user_id does not link either")
    void contactWithoutUserId() {
        String json = Fixtures.text("telegram-update-contact.json").replace(",\n      \"user_id\": 1111111", "");

        assertThat(parse(json)).singleElement().isInstanceOf(InboundMessage.class);
    }

    @Test
    @DisplayName("an edit is a new inbound message marked edited, keyed apart from the original")
    void edited() {
        List<InboundEvent> events = updates.parse(Fixtures.json("telegram-update-edited-message.json"));

        assertThat(events).singleElement().isInstanceOfSatisfying(InboundMessage.class, m -> {
            assertThat(m.text()).isEqualTo("Edited text");
            assertThat(m.providerMessageId()).isEqualTo("1111111:1365:edited:1441646600");
            assertThat(m.attributes()).containsEntry("edited", "true").containsEntry("originalProviderMessageId", "1111111:1365");
            assertThat(m.at()).isEqualTo(Instant.ofEpochSecond(1441646600));
            assertThat(m.dedupKey()).isNotEqualTo(updates.parse(Fixtures.json("telegram-update-text.json")).get(0).dedupKey());
        });
    }

    @Test
    @DisplayName("the same update delivered twice yields the same dedup key")
    void duplicate() {
        for (String fixture : List.of("telegram-update-text.json", "telegram-update-reply.json",
                "telegram-update-contact.json", "telegram-update-edited-message.json")) {
            String first = updates.parse(Fixtures.json(fixture)).get(0).dedupKey();
            String again = updates.parse(Fixtures.json(fixture)).get(0).dedupKey();
            assertThat(again).as(fixture).isEqualTo(first);
        }
    }

    @Test
    @DisplayName("the user blocking the bot (my_chat_member -> kicked) is an opt-out")
    void blocked() {
        List<InboundEvent> events = parse("""
                {"update_id":10005,"my_chat_member":{"chat":{"id":1111111,"first_name":"Test","type":"private"},
                 "from":{"id":1111111,"is_bot":false,"first_name":"Test"},"date":1441647000,
                 "old_chat_member":{"user":{"id":7000000001,"is_bot":true,"first_name":"Gateway"},"status":"member"},
                 "new_chat_member":{"user":{"id":7000000001,"is_bot":true,"first_name":"Gateway"},"status":"kicked","until_date":0}}}""");

        assertThat(events).containsExactly(new OptOut("tg", new Sender(null, null, "1111111", "Test"), "bot_blocked",
                Instant.ofEpochSecond(1441647000)));
    }

    @Test
    @DisplayName("unblocking the bot is not an opt-in")
    void unblocked() {
        assertThat(parse("""
                {"update_id":10006,"my_chat_member":{"chat":{"id":1111111,"type":"private"},"from":{"id":1111111},
                 "date":1441647100,"old_chat_member":{"status":"kicked"},"new_chat_member":{"status":"member"}}}""")).isEmpty();
    }

    @Test
    @DisplayName("a button press is an inbound message with the callback data, in reply to the message with the button")
    void callback() {
        List<InboundEvent> events = parse("""
                {"update_id":10007,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":1111111,"is_bot":false,"first_name":"Test"},
                 "message":{"message_id":1368,"chat":{"id":1111111,"type":"private"},"date":1441645700,"text":"Напоминание"},
                 "chat_instance":"-123","data":"promise:1"}}""");

        assertThat(events).containsExactly(new InboundMessage("tg", "4382bfdwdsb323b2d9",
                new Sender(null, null, "1111111", "Test"), "vestnik_demo_bot", "promise:1", NOW, "1111111:1368", null,
                Map.of("callback", "promise:1")));
    }

    @Test
    @DisplayName("messages in groups are dropped: a group is never a debtor")
    void groupIgnored() {
        String json = Fixtures.text("telegram-update-reply.json").replace("\"type\": \"private\"", "\"type\": \"group\"");

        assertThat(parse(json)).isEmpty();
    }

    @Test
    @DisplayName("a photo with a caption keeps the caption as text and notes the attachment")
    void photo() {
        assertThat(parse("""
                {"update_id":10008,"message":{"message_id":1370,"from":{"id":1111111,"first_name":"Test"},
                 "chat":{"id":1111111,"type":"private"},"date":1441645800,"photo":[{"file_id":"x"}],"caption":"квитанция"}}"""))
                .singleElement().isInstanceOfSatisfying(InboundMessage.class, m -> {
                    assertThat(m.text()).isEqualTo("квитанция");
                    assertThat(m.attributes()).containsEntry("attachment", "photo");
                });
    }

    @Test
    @DisplayName("chat ids beyond 2^53 keep every digit")
    void bigIds() {
        String json = Fixtures.text("telegram-update-reply.json").replace("1111111", "9007199254740993");

        InboundMessage m = (InboundMessage) parse(json).get(0);
        assertThat(m.from().channelUserId()).isEqualTo("9007199254740993");
        assertThat(m.providerMessageId()).isEqualTo("9007199254740993:1366");
        assertThat(m.inReplyToProviderId()).isEqualTo("9007199254740993:1334");
    }

    @Test
    @DisplayName("update types we do not use yield nothing")
    void unknown() {
        assertThat(parse("{\"update_id\":10009,\"poll\":{\"id\":\"1\"}}")).isEmpty();
    }

    @Test
    @DisplayName("phones are normalised to E.164; what cannot be one is refused")
    void e164() {
        assertThat(TelegramUpdates.e164("79161234567")).isEqualTo("+79161234567");
        assertThat(TelegramUpdates.e164("+7 (916) 123-45-67")).isEqualTo("+79161234567");
        assertThat(TelegramUpdates.e164("12345")).isNull();
        assertThat(TelegramUpdates.e164("phone")).isNull();
    }
}
