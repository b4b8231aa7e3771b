package vestnik.channels.email;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The Message-IDs we make and the plus-addresses (RFC 5233) that carry them back to us.
 *
 * <p>A Message-ID is {@code <id>.<random>@<domain of From>}: {@code <id>} is our message id in lower case
 * (characters other than {@code a-z 0-9 -} become {@code -}, at most 32 of them), {@code <random>} ten
 * base32 characters (50 bits) so that every attempt has its own id. The whole id is lower case because
 * mail servers fold the case of local parts, and the token below must give the id back exactly.
 *
 * <p>The token is the Message-ID's left-hand side, so it is <b>reversible</b> without any lookup:
 * {@code reply+<token>@<replyDomain>} (Reply-To), {@code bounce+<token>@<replyDomain>} (the envelope
 * sender, where DSNs go, VERP-style) and {@code unsubscribe+<token>@<replyDomain>} (the mailto of
 * {@code List-Unsubscribe}). It is not signed: its 50 random bits make a valid one as hard to guess as
 * the Message-ID itself, and a reply threaded by a forged token would only land on a message whose id
 * the sender already knew. The longest address, {@code unsubscribe+} and a 43-character token, stays
 * within the 64 octets RFC 5321 allows a local part.
 */
final class MailTokens {

    /** What a plus-address we hand out is for; the local part before {@code +} says which. */
    enum Purpose {
        REPLY("reply"),
        BOUNCE("bounce"),
        UNSUBSCRIBE("unsubscribe");

        private final String localPart;

        Purpose(String localPart) {
            this.localPart = localPart;
        }

        String localPart() {
            return localPart;
        }
    }

    /** A plus-address of ours, read back: what it was for and the Message-ID (without angle brackets) it names. */
    record Tagged(Purpose purpose, String messageId) {
    }

    static final int MAX_ID_PART = 32;
    static final int RANDOM_CHARS = 10;
    private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9-]{1," + MAX_ID_PART + "}\\.[0-9a-z]{" + RANDOM_CHARS + "}");

    private final String messageIdDomain;
    private final String replyDomain;
    private final RandomGenerator random;

    MailTokens(String messageIdDomain, String replyDomain, RandomGenerator random) {
        this.messageIdDomain = messageIdDomain.toLowerCase(Locale.ROOT);
        this.replyDomain = replyDomain.toLowerCase(Locale.ROOT);
        this.random = random;
    }

    /** A fresh Message-ID for one attempt to send our message {@code messageId}, without angle brackets. */
    String newMessageId(String messageId) {
        char[] r = new char[RANDOM_CHARS];
        for (int i = 0; i < r.length; i++) {
            r[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return idPart(messageId) + "." + new String(r) + "@" + messageIdDomain;
    }

    /** The plus-address for {@code purpose} that names our Message-ID {@code messageId}. */
    String address(Purpose purpose, String messageId) {
        int at = messageId.lastIndexOf('@');
        String token = at < 0 ? messageId : messageId.substring(0, at);
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("not a Message-ID made by this channel");
        }
        return purpose.localPart() + "+" + token + "@" + replyDomain;
    }

    /** Reads one of our plus-addresses; empty for any other address (a foreign domain, no token, a bad token). */
    Optional<Tagged> read(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at <= 0 || !a.substring(at + 1).equals(replyDomain)) {
            return Optional.empty();
        }
        String local = a.substring(0, at);
        int plus = local.indexOf('+');
        if (plus <= 0) {
            return Optional.empty();
        }
        String base = local.substring(0, plus);
        String token = local.substring(plus + 1);
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return Arrays.stream(Purpose.values()).filter(p -> p.localPart().equals(base)).findFirst()
                .map(p -> new Tagged(p, token + "@" + messageIdDomain));
    }

    private static String idPart(String messageId) {
        StringBuilder b = new StringBuilder();
        for (char c : messageId.toLowerCase(Locale.ROOT).toCharArray()) {
            if (b.length() == MAX_ID_PART) {
                break;
            }
            b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '-');
        }
        return b.length() == 0 ? "m" : b.toString();
    }
}
