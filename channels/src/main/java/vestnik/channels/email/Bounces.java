package vestnik.channels.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.common.Mask;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundEvent.OptOut;
import vestnik.channels.spi.InboundEvent.StatusUpdate;
import vestnik.channels.spi.MessageStatus;
import vestnik.channels.spi.Sender;

/**
 * What a DSN means for the message it returns (one mapping function, RFC 3464 {@code Action} × RFC 3463
 * {@code Status}):
 * <table>
 *   <tr><th>Action</th><th>Status</th><th>events</th></tr>
 *   <tr><td>failed</td><td>5.x.x</td><td>{@code failed} with the status as error code (a hard bounce); and an
 *       opt-out of the address when the same reply at send time would be {@code invalid_recipient} (5.1.x,
 *       5.2.x, 5.4.4, a bare 550) — not for policy, content or protocol refusals (5.7.x, 5.6.x, 5.3.x, 5.5.x),
 *       which blame our letter, not the address</td></tr>
 *   <tr><td>failed</td><td>4.x.x</td><td>{@code failed}: the relay gave up after its retries, so the letter
 *       is lost, but the address is not known to be dead: no opt-out</td></tr>
 *   <tr><td>delayed</td><td>4.x.x</td><td>a soft bounce: {@code sent} again with the status and detail. It
 *       moves nothing ({@code sent} is where the message is; statuses only move forward) and is final for
 *       nobody; it records that the relay still tries, for a gateway that keeps such notes</td></tr>
 *   <tr><td>delivered</td><td>2.x.x</td><td>{@code delivered} (only when NOTIFY=SUCCESS was asked, which we don't)</td></tr>
 *   <tr><td>relayed, expanded, other</td><td>any</td><td>nothing: the relay will say no more</td></tr>
 * </table>
 */
final class Bounces {

    static final int MAX_DETAIL = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Bounces.class);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\"';:,]+@[^\\s<>()\"';:,]+");

    private Bounces() {
    }

    static List<InboundEvent> events(String channelId, String providerId, DeliveryStatus dsn, Instant at) {
        List<InboundEvent> events = new ArrayList<>();
        for (DeliveryStatus.Recipient r : dsn.recipients()) {
            String diagnostic = masked(r.diagnosticCode());
            switch (r.action()) {
                case FAILED -> {
                    boolean hard = r.statusClass() == 5;
                    events.add(new StatusUpdate(channelId, providerId, MessageStatus.FAILED, r.status(),
                            detail(hard ? "hard bounce" : "bounced after the relay's retries", r.status(), diagnostic), at));
                    String address = r.address();
                    if (hard && address != null && addressIsDead(r)) {
                        events.add(new OptOut(channelId, new Sender(null, EmailAddresses.reported(address), null, null),
                                "hard bounce " + r.status(), at));
                    }
                }
                case DELAYED -> {
                    LOG.info("email channel {}: soft bounce {} for {}; the relay keeps trying", channelId, r.status(),
                            Mask.email(r.address()));
                    events.add(new StatusUpdate(channelId, providerId, MessageStatus.SENT, r.status(),
                            detail("soft bounce, delivery delayed", r.status(), diagnostic), at));
                }
                case DELIVERED -> events.add(new StatusUpdate(channelId, providerId, MessageStatus.DELIVERED, r.status(),
                        null, at));
                default -> {
                    // relayed or expanded: the relay hands over to a system that sends no further notices
                }
            }
        }
        return events;
    }

    /** The same judgement as a refusal at send time: only a reply that blames the address kills it. */
    static boolean addressIsDead(DeliveryStatus.Recipient r) {
        if (r.statusClass() != 5) {
            return false;
        }
        int code = r.diagnosticReplyCode() >= 500 ? r.diagnosticReplyCode() : 550;
        return FailureCodes.INVALID_RECIPIENT.equals(EmailErrors.forReply(code, r.status()).code());
    }

    private static String detail(String what, String status, String diagnostic) {
        String d = what + (status == null ? "" : " " + status) + (diagnostic == null ? "" : ": " + diagnostic);
        return d.length() <= MAX_DETAIL ? d : d.substring(0, MAX_DETAIL);
    }

    /** A diagnostic quotes the recipient's address; what is stored on the message keeps only its domain. */
    static String masked(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Mask.email(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
