package vestnik.gateway.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vestnik.channels.spi.ChannelType;
import vestnik.gateway.contacts.Contact;

/**
 * The channels an agent can answer a conversation on, for the composer's choice: the debtor's last channel
 * first, then every other configured text channel the contact can be reached on — a phone for SMS and
 * WhatsApp, an e-mail for e-mail, a bound (or already used) messenger account for Telegram, Viber and MAX.
 * Robocall channels are left out: an agent's reply is text.
 */
public final class ReplyChannels {

    private ReplyChannels() {
    }

    /** {@code configured}: channel id → type, in configuration order. */
    public static List<String> of(Conversation c, Optional<Contact> contact, Map<String, ChannelType> configured) {
        boolean phone = contact.map(x -> !x.phones().isEmpty()).orElse(false)
                || (c.lastAddress() != null && c.lastAddress().startsWith("+"));
        boolean email = contact.map(x -> !x.emails().isEmpty()).orElse(false)
                || (c.lastAddress() != null && c.lastAddress().contains("@"));
        List<String> out = new ArrayList<>();
        // a DTMF choice makes a robocall channel the last one; an agent's text must not become a call
        if (c.lastChannel() != null && configured.containsKey(c.lastChannel()) && !isVoice(configured.get(c.lastChannel()))) {
            out.add(c.lastChannel());
        }
        configured.forEach((id, type) -> {
            if (out.contains(id)) {
                return;
            }
            boolean reachable = switch (type) {
                case SMPP, WHATSAPP -> phone;
                case EMAIL -> email;
                case TELEGRAM, VIBER, MAX -> c.channels().contains(id)
                        || contact.map(x -> Boolean.TRUE.equals(x.bindings().get(id))).orElse(false);
                case ARI, VOICE_HTTP -> false;
            };
            if (reachable) {
                out.add(id);
            }
        });
        return out;
    }

    /** Robocall channels: they speak a script, so a conversation is never answered on them. */
    public static boolean isVoice(ChannelType type) {
        return type == ChannelType.ARI || type == ChannelType.VOICE_HTTP;
    }
}
