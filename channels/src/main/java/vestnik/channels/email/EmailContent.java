package vestnik.channels.email;

import vestnik.channels.spi.ChannelPayload;

/**
 * What an e-mail carries beyond the message's text: a subject and an HTML body. Every field may be null:
 * the subject then comes from the channel's {@code defaultSubject}, the plain part from the message's
 * {@code text}, and a letter without {@code html} goes as plain text only.
 *
 * @param subject the subject line, or null
 * @param html    the HTML body (sent as multipart/alternative beside the plain text), or null
 * @param text    the plain-text body when it differs from the message's text, or null
 */
public record EmailContent(String subject, String html, String text) implements ChannelPayload {
}
