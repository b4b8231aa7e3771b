package vestnik.channels.email;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vestnik.channels.email.MailTokens.Purpose;
import vestnik.channels.spi.OutboundMessage;

/**
 * Builds the letter for one outbound message, without any I/O (shaped after email-outbound.eml):
 * <ul>
 *   <li>{@code Message-ID} made by us ({@link MailTokens}): SMTP answers no id, and this is the id that
 *       replies ({@code In-Reply-To}) and bounces (the returned headers) name;</li>
 *   <li>{@code Reply-To: reply+<token>@<replyDomain>}, so a reply finds its message even when a mail
 *       client drops {@code In-Reply-To};</li>
 *   <li>the envelope sender {@code bounce+<token>@<replyDomain>}, so a DSN finds it even without the
 *       returned headers;</li>
 *   <li>{@code List-Unsubscribe} with the one-click https link (a sealed token naming the recipient) and a
 *       mailto, and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} when the link is there
 *       (RFC 2369, RFC 8058). Gmail and Yahoo also want a DKIM signature covering both; that is the
 *       relay's job, or the mail client's when {@code dkim} is configured, not this class's.</li>
 * </ul>
 * The body is text/plain, or multipart/alternative when the payload brings HTML. The sender a message
 * names replaces only the display name: the address stays the configured one, which SPF and DMARC allow.
 */
final class MimeComposer {

    static final String UNSUBSCRIBE_SUBJECT = "unsubscribe";
    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private final EmailConfig config;
    private final MailTokens tokens;
    private final UnsubscribeTokens unsubscribe;
    private final Clock clock;

    /** @param unsubscribe null when the channel has no {@code unsubscribeUrl} */
    MimeComposer(EmailConfig config, MailTokens tokens, UnsubscribeTokens unsubscribe, Clock clock) {
        this.config = config;
        this.tokens = tokens;
        this.unsubscribe = unsubscribe;
        this.clock = clock;
    }

    /**
     * @param recipient the address to send to, already checked by {@link EmailAddresses#forSending}
     * @throws IllegalArgumentException when the message has neither text nor HTML
     */
    ComposedMail compose(OutboundMessage message, String recipient) {
        EmailContent content = message.payload() instanceof EmailContent c ? c : new EmailContent(null, null, null);
        String html = blankToNull(content.html());
        String text = blankToNull(content.text() != null ? content.text() : message.text());
        if (text == null && html == null) {
            throw new IllegalArgumentException("an e-mail needs a text or an HTML body");
        }
        if (text == null) {
            text = HtmlText.toPlain(html);
        }
        String displayName = message.sender() != null && !message.sender().isBlank()
                ? message.sender().strip() : config.fromName();
        String messageId = tokens.newMessageId(message.messageId());
        String unsubscribeMailto = tokens.address(Purpose.UNSUBSCRIBE, messageId);

        Map<String, String> h = new LinkedHashMap<>();
        h.put("From", address(config.fromAddress(), displayName, "From: "));
        h.put("To", recipient);
        h.put("Reply-To", address(tokens.address(Purpose.REPLY, messageId), displayName, "Reply-To: "));
        h.put("Subject", encode(subject(content, displayName), "Subject: "));
        h.put("Date", RFC_5322.format(ZonedDateTime.now(clock)));
        h.put("Message-ID", "<" + messageId + ">");
        String mailto = "<mailto:" + unsubscribeMailto + "?subject=" + UNSUBSCRIBE_SUBJECT + ">";
        if (unsubscribe != null) {
            h.put("List-Unsubscribe", "<" + oneClickUrl(recipient) + ">,\r\n " + mailto);
            h.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        } else {
            h.put("List-Unsubscribe", mailto);
        }
        return new ComposedMail(messageId, tokens.address(Purpose.BOUNCE, messageId), config.fromAddress(), recipient,
                h, text, html);
    }

    /** The one-click link for {@code recipient}: {@code unsubscribeUrl?t=<sealed token>}. */
    String oneClickUrl(String recipient) {
        String base = config.unsubscribeUrl();
        return base + (base.contains("?") ? "&" : "?") + "t=" + unsubscribe.issue(EmailAddresses.reported(recipient));
    }

    private String subject(EmailContent content, String displayName) {
        if (content.subject() != null && !content.subject().isBlank()) {
            return content.subject().strip();
        }
        if (config.defaultSubject() != null) {
            return config.defaultSubject();
        }
        return displayName != null ? displayName : config.fromAddress();
    }

    private static String address(String address, String displayName, String fieldPrefix) {
        try {
            InternetAddress a = displayName == null ? new InternetAddress(address)
                    : new InternetAddress(address, displayName, "UTF-8");
            return InternetAddress.toString(new InternetAddress[] {a}, fieldPrefix.length());
        } catch (UnsupportedEncodingException | jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("the configured address was checked when the channel was built", e);
        }
    }

    private static String encode(String value, String fieldPrefix) {
        try {
            return MimeUtility.fold(fieldPrefix.length(), MimeUtility.encodeText(value, "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is part of every JRE", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
