package vestnik.channels.email;

import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One letter ready for SMTP: the envelope, the header fields exactly as they go on the wire (already
 * RFC 2047-encoded and folded), and the bodies. {@code html} null means a text/plain letter.
 *
 * @param messageId    our Message-ID without angle brackets: the provider id of the send
 * @param envelopeFrom the SMTP {@code MAIL FROM} (the bounce address DSNs go to)
 * @param fromAddress  the bare {@code From:} address
 * @param recipient    the bare recipient address ({@code RCPT TO} and {@code To:})
 */
record ComposedMail(String messageId, String envelopeFrom, String fromAddress, String recipient,
                    Map<String, String> headers, String text, String html) {

    ComposedMail {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * The Vert.x mail client's form. Our header fields replace the client's defaults of the same name
     * (its own random Message-ID among them); it adds {@code MIME-Version} and the body parts.
     */
    MailMessage toMailMessage() {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(h::add);
        return new MailMessage()
                .setBounceAddress(envelopeFrom)
                .setFrom(fromAddress)
                .setTo(recipient)
                .setText(text)
                .setHtml(html)
                .setHeaders(h);
    }
}
