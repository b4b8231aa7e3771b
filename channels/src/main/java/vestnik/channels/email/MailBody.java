package vestnik.channels.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The readable text of a received letter and how many files it carries. The plain part is preferred;
 * a letter that has only HTML is turned into text after its quoted part (a {@code <blockquote>}, Gmail's
 * {@code gmail_quote}, Thunderbird's {@code moz-cite-prefix}) is cut off. Attachments are counted, not
 * read: the gateway stores text, and an agent is told there is a file to ask for.
 *
 * @param text        the new text of the reply (quote removed where recognisable)
 * @param attachments parts that are files rather than the letter's text
 */
record MailBody(String text, int attachments) {

    private static final Pattern HTML_QUOTE = Pattern.compile(
            "(?is)<blockquote\\b|<div[^>]*class=\"[^\"]*(gmail_quote|moz-cite-prefix)|<div[^>]*id=\"(appendonsend|divRplyFwdMsg)\"");

    static MailBody of(Part mail) throws MessagingException, IOException {
        Found found = new Found();
        walk(mail, found);
        String text;
        if (found.plain != null) {
            text = ReplyText.newPart(found.plain);
        } else if (found.html != null) {
            var m = HTML_QUOTE.matcher(found.html);
            String html = m.find() && m.start() > 0 ? found.html.substring(0, m.start()) : found.html;
            text = ReplyText.newPart(HtmlText.toPlain(html));
        } else {
            text = "";
        }
        return new MailBody(text, found.attachments);
    }

    private static final class Found {
        String plain;
        String html;
        int attachments;
    }

    private static void walk(Part part, Found found) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.attachments++;
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, found);
            }
            return;
        }
        if (part.isMimeType("text/plain")) {
            if (found.plain == null) {
                found.plain = text(part);
            }
            return;
        }
        if (part.isMimeType("text/html")) {
            if (found.html == null) {
                found.html = text(part);
            }
            return;
        }
        found.attachments++;
    }

    /** A text part in its declared charset; one Java does not know is read as UTF-8 rather than lost. */
    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException unknownCharset) {
            // fall through to the raw bytes
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
