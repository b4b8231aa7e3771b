package vestnik.gateway.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.ChannelType;
import vestnik.gateway.contacts.Contact;

class ReplyChannelsTest {

    private static final Map<String, ChannelType> CONFIGURED = new LinkedHashMap<>();

    static {
        CONFIGURED.put("sms", ChannelType.SMPP);
        CONFIGURED.put("tg", ChannelType.TELEGRAM);
        CONFIGURED.put("vb", ChannelType.VIBER);
        CONFIGURED.put("wa", ChannelType.WHATSAPP);
        CONFIGURED.put("mail", ChannelType.EMAIL);
        CONFIGURED.put("robot", ChannelType.ARI);
    }

    private static Conversation conversation(String lastChannel, String lastAddress, Set<String> channels) {
        Instant t = Instant.parse("2026-11-24T09:00:00Z");
        return new Conversation("cv1", "demo", "c1", false, ConversationStatus.OPEN, null, Set.of(), 0, t, t,
                lastChannel, lastAddress, channels, null);
    }

    private static Contact contact(List<String> phones, List<String> emails, Map<String, Boolean> bindings) {
        return new Contact("c1", phones, emails, null, null, null, List.of(), Instant.EPOCH, bindings);
    }

    @Test
    @DisplayName("the debtor's last channel comes first, then every text channel the contact can be reached on")
    void lastFirst() {
        Conversation c = conversation("tg", "12345", Set.of("tg", "sms"));
        assertThat(ReplyChannels.of(c, Optional.of(contact(List.of("+79161234567"), List.of("a@b.ru"), Map.of("vb", true))), CONFIGURED))
                .containsExactly("tg", "sms", "vb", "wa", "mail");
    }

    @Test
    @DisplayName("a messenger the contact is not bound on, an e-mail channel without an address and robocalls are left out")
    void unreachable() {
        Conversation c = conversation("sms", "+79161234567", Set.of("sms"));
        assertThat(ReplyChannels.of(c, Optional.of(contact(List.of("+79161234567"), List.of(), Map.of())), CONFIGURED))
                .containsExactly("sms", "wa");
    }

    @Test
    @DisplayName("an unidentified sender is answered where it wrote from: its phone reaches SMS and WhatsApp, its e-mail only e-mail")
    void unidentified() {
        assertThat(ReplyChannels.of(conversation("sms", "+79161234567", Set.of("sms")), Optional.empty(), CONFIGURED))
                .containsExactly("sms", "wa");
        assertThat(ReplyChannels.of(conversation("mail", "debtor@example.ru", Set.of("mail")), Optional.empty(), CONFIGURED))
                .containsExactly("mail");
    }

    @Test
    @DisplayName("a debtor whose last message is a key pressed in a robocall is offered the text channels, never the robocall")
    void lastChannelARobocall() {
        Conversation c = conversation("robot", "+79161234567", Set.of("robot"));
        assertThat(ReplyChannels.of(c, Optional.of(contact(List.of("+79161234567"), List.of(), Map.of())), CONFIGURED))
                .containsExactly("sms", "wa");
    }
}
