package vestnik.channels.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.email.MailTokens.Purpose;
import vestnik.channels.email.MailTokens.Tagged;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.InboundMessage;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.Sender;

/**
 * Turns one received letter (raw MIME bytes, from IMAP or pushed over HTTP) into our events; pure.
 * <ul>
 *   <li>a DSN ({@code multipart/report; report-type=delivery-status}, RFC 3464) → {@link Bounces}; the
 *       original is found by our {@code bounce+<token>} address (VERP), else by the Message-ID in the
 *       returned headers;</li>
 *   <li>a letter to {@code unsubscribe+<token>@} (the mailto of {@code List-Unsubscribe}) → an opt-out of
 *       its sender;</li>
 *   <li>anything else to {@code bounce+<token>@} (vacation notices answer the envelope sender, RFC 3834;
 *       some relays bounce without a DSN) → nothing: it is not a debtor speaking;</li>
 *   <li>anything else → a debtor's message. It answers the Message-ID named by our plus-token in
 *       Delivered-To / X-Original-To / To / Cc first (the envelope is what clients cannot lose), else by
 *       {@code In-Reply-To}, else by the last of {@code References}. Its own Message-ID is the dedup key.
 *       Attributes: {@value #SUBJECT}, {@value #THREADED_BY} (token, in-reply-to, references),
 *       {@value #AUTO_SUBMITTED} (an auto-reply, RFC 3834) and {@value #ATTACHMENTS} (a count).</li>
 * </ul>
 * Addresses of senders and opt-outs are reported in lower case.
 */
final class InboundMail {

    static final String SUBJECT = "subject";
    static final String THREADED_BY = "threadedBy";
    static final String AUTO_SUBMITTED = "autoSubmitted";
    static final String ATTACHMENTS = "attachments";

    private static final Logger LOG = LoggerFactory.getLogger(InboundMail.class);
    private static final Session SESSION = session();
    private static final Pattern MSG_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final List<String> RECIPIENT_HEADERS = List.of("Delivered-To", "X-Original-To", "To", "Cc");

    private final String channelId;
    private final MailTokens tokens;
    private final Clock clock;

    InboundMail(String channelId, MailTokens tokens, Clock clock) {
        this.channelId = channelId;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a letter (no header fields, broken MIME)
     */
    List<InboundEvent> parse(byte[] raw) {
        try {
            MimeMessage mail = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            if (!mail.getAllHeaders().hasMoreElements() || mail.getHeader("From") == null && mail.getHeader("Content-Type") == null) {
                throw new IllegalArgumentException("not a letter: no From or Content-Type header field");
            }
            return events(mail);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            // broken MIME surfaces late and in many forms (a multipart without a boundary is not a Multipart)
            throw new IllegalArgumentException("not a readable letter: " + e.getClass().getSimpleName(), e);
        }
    }

    private List<InboundEvent> events(MimeMessage mail) throws MessagingException, IOException {
        Optional<Tagged> tagged = ourAddress(mail);
        Instant at = mail.getSentDate() != null ? mail.getSentDate().toInstant() : clock.instant();
        if (isDeliveryReport(mail)) {
            return bounce(mail, tagged, at);
        }
        Purpose purpose = tagged.map(Tagged::purpose).orElse(Purpose.REPLY);
        Optional<InternetAddress> from = from(mail);
        if (purpose == Purpose.BOUNCE) {
            LOG.info("email channel {}: a letter to our bounce address that is no DSN (an auto-reply?) is ignored", channelId);
            return List.of();
        }
        if (from.isEmpty()) {
            LOG.warn("email channel {}: a letter without a readable From is ignored", channelId);
            return List.of();
        }
        Sender sender = new Sender(null, EmailAddresses.reported(from.get().getAddress()), null,
                blankToNull(from.get().getPersonal()));
        if (purpose == Purpose.UNSUBSCRIBE) {
            return List.of(new OptOut(channelId, sender, "list-unsubscribe mailto", at));
        }
        return List.of(reply(mail, sender, tagged, at));
    }

    private InboundMessage reply(MimeMessage mail, Sender sender, Optional<Tagged> tagged, Instant at)
            throws MessagingException, IOException {
        Map<String, String> attributes = new LinkedHashMap<>();
        String inReplyTo = null;
        if (tagged.isPresent()) {
            inReplyTo = tagged.get().messageId();
            attributes.put(THREADED_BY, "token");
        } else {
            List<String> parents = ids(mail.getHeader("In-Reply-To", " "));
            List<String> references = ids(mail.getHeader("References", " "));
            if (!parents.isEmpty()) {
                inReplyTo = parents.get(0);
                attributes.put(THREADED_BY, "in-reply-to");
            } else if (!references.isEmpty()) {
                inReplyTo = references.get(references.size() - 1);
                attributes.put(THREADED_BY, "references");
            }
        }
        String subject = mail.getSubject();
        if (subject != null && !subject.isBlank()) {
            attributes.put(SUBJECT, subject.strip());
        }
        String auto = mail.getHeader("Auto-Submitted", null);
        if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            attributes.put(AUTO_SUBMITTED, auto.strip());
        }
        MailBody body = MailBody.of(mail);
        if (body.attachments() > 0) {
            attributes.put(ATTACHMENTS, String.valueOf(body.attachments()));
        }
        List<String> own = ids(mail.getHeader("Message-ID", null));
        String to = firstAddress(mail, "To");
        return new InboundMessage(channelId, own.isEmpty() ? null : own.get(0), sender, to, body.text(), at,
                inReplyTo, null, attributes);
    }

    private List<InboundEvent> bounce(MimeMessage mail, Optional<Tagged> tagged, Instant at)
            throws MessagingException, IOException {
        DeliveryStatus status = null;
        String returnedId = null;
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                status = DeliveryStatus.parse(read(part.getInputStream()));
            } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")
                    || part.isMimeType("message/global-headers") || part.isMimeType("message/global")) {
                try (InputStream in = part.getInputStream()) {
                    List<String> ids = ids(new InternetHeaders(in).getHeader("Message-ID", null));
                    returnedId = ids.isEmpty() ? null : ids.get(0);
                }
            }
        }
        String providerId = tagged.map(Tagged::messageId).orElse(returnedId);
        if (status == null || providerId == null) {
            LOG.warn("email channel {}: a DSN that names no message of ours (status part {}, returned id {}) is ignored",
                    channelId, status != null, returnedId != null);
            return List.of();
        }
        return Bounces.events(channelId, providerId, status, at);
    }

    private static boolean isDeliveryReport(MimeMessage mail) throws MessagingException {
        if (!mail.isMimeType("multipart/report")) {
            return false;
        }
        String type = new ContentType(mail.getContentType()).getParameter("report-type");
        return type != null && (type.equalsIgnoreCase("delivery-status") || type.equalsIgnoreCase("global-delivery-status"));
    }

    /** The first of our plus-addresses among the recipients, envelope headers first. */
    private Optional<Tagged> ourAddress(MimeMessage mail) throws MessagingException {
        for (String name : RECIPIENT_HEADERS) {
            String[] values = mail.getHeader(name);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                for (InternetAddress a : addresses(value)) {
                    Optional<Tagged> t = tokens.read(a.getAddress());
                    if (t.isPresent()) {
                        return t;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<InternetAddress> from(MimeMessage mail) throws MessagingException {
        String value = mail.getHeader("From", ",");
        if (value == null) {
            value = mail.getHeader("Sender", ",");
        }
        List<InternetAddress> list = value == null ? List.of() : addresses(value);
        return list.stream().filter(a -> a.getAddress() != null && a.getAddress().contains("@")).findFirst();
    }

    private static String firstAddress(MimeMessage mail, String header) throws MessagingException {
        String value = mail.getHeader(header, ",");
        List<InternetAddress> list = value == null ? List.of() : addresses(value);
        return list.isEmpty() ? null : EmailAddresses.reported(list.get(0).getAddress());
    }

    private static List<InternetAddress> addresses(String headerValue) {
        try {
            return List.of(InternetAddress.parseHeader(MimeUtility.unfold(headerValue), false));
        } catch (AddressException e) {
            return List.of();
        }
    }

    /** Message-IDs in a header field, without angle brackets; a bare id without brackets is taken as is. */
    static List<String> ids(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MSG_ID.matcher(headerValue);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty() && headerValue.strip().matches("[^\\s<>]+@[^\\s<>]+")) {
            ids.add(headerValue.strip());
        }
        return ids;
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(p);
    }
}
