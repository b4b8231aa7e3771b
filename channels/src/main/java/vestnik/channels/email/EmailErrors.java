package vestnik.channels.email;

import static vestnik.channels.spi.ErrorClass.PERMANENT_CONFIG;
import static vestnik.channels.spi.ErrorClass.PERMANENT_RECIPIENT;
import static vestnik.channels.spi.ErrorClass.TRANSIENT;

import io.vertx.ext.mail.SMTPException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;
import vestnik.channels.spi.SendResult.Failed;

/**
 * What an SMTP refusal means (RFC 5321 reply codes, RFC 3463 enhanced status codes). The enhanced code
 * decides where the server gave one, because the basic code is too coarse: {@code 550} is said for an
 * unknown mailbox (5.1.1) and for a relay that refuses us (5.7.1) alike.
 * <ul>
 *   <li>4xx: {@link ErrorClass#TRANSIENT}, whatever the rest says (greylisting, a full queue, a busy server);</li>
 *   <li>5.1.x bad address, 5.2.x mailbox disabled or full, 5.4.4 unroutable domain: the recipient
 *       ({@link ErrorClass#PERMANENT_RECIPIENT}), except 5.1.7/5.1.8, which are about our sender address;</li>
 *   <li>5.7.x security and policy (AUTH failed, relaying denied, SPF/DMARC), 5.5.x protocol: our
 *       configuration ({@link ErrorClass#PERMANENT_CONFIG});</li>
 *   <li>5.2.3, 5.3.4, 5.6.x: the content ({@link FailureCodes#INVALID_CONTENT}), the same for every recipient;</li>
 *   <li>no connection, a timeout, a TLS failure: {@link ErrorClass#TRANSIENT}.</li>
 * </ul>
 * The reply's text is never kept: servers quote the recipient's address in it.
 */
public final class EmailErrors {

    record Rule(ErrorClass errorClass, String code) {
    }

    private static final Rule RECIPIENT = new Rule(PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT);
    private static final Rule REFUSED = new Rule(PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER);
    private static final Rule CONFIG = new Rule(PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION);
    private static final Rule CONTENT = new Rule(PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT);
    private static final Rule UNAVAILABLE = new Rule(TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE);
    private static final Rule LATER = new Rule(TRANSIENT, FailureCodes.PROVIDER_ERROR);

    /** Enhanced codes whose meaning differs from the rest of their subject. */
    private static final Map<String, Rule> BY_ENHANCED = Map.of(
            "5.1.7", CONFIG,     // bad sender's mailbox address syntax: our From
            "5.1.8", CONFIG,     // bad sender's system address
            "5.2.3", CONTENT,    // message length exceeds administrative limit
            "5.3.4", CONTENT,    // message too big for system
            "5.4.4", RECIPIENT); // unable to route: the recipient's domain has no mail host

    /** RFC 3463 subjects (the middle number) of a permanent status. */
    private static final Map<Integer, Rule> BY_SUBJECT = Map.of(
            1, RECIPIENT,        // addressing
            2, RECIPIENT,        // mailbox status
            3, REFUSED,          // the recipient's mail system
            4, REFUSED,          // network and routing
            5, CONFIG,           // mail delivery protocol
            6, CONTENT,          // message content or media
            7, CONFIG);          // security or policy

    /** Basic codes, for servers that give no enhanced status (or only x.0.0). */
    private static final Map<Integer, Rule> BY_CODE = Map.ofEntries(
            Map.entry(421, UNAVAILABLE),
            Map.entry(500, CONFIG), Map.entry(501, CONFIG), Map.entry(502, CONFIG), Map.entry(503, CONFIG),
            Map.entry(504, CONFIG),
            Map.entry(530, CONFIG), Map.entry(534, CONFIG), Map.entry(535, CONFIG), Map.entry(538, CONFIG),
            Map.entry(550, RECIPIENT), Map.entry(551, RECIPIENT), Map.entry(552, RECIPIENT), Map.entry(553, RECIPIENT),
            Map.entry(554, REFUSED));

    /** Replies after which no letter can go until someone fixes the SMTP account. */
    private static final Set<String> CREDENTIAL_REFUSALS = Set.of("530", "534", "535", "538", "5.7.8", "5.7.9");

    private static final Pattern ENHANCED = Pattern.compile("(?:^|[\\s-])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?=[\\s:;,.]|$)");

    private EmailErrors() {
    }

    /**
     * Classifies one SMTP reply.
     *
     * @param code     the three-digit reply code
     * @param enhanced the RFC 3463 status ({@code 5.1.1}), or null when the server gave none
     */
    public static Failed forReply(int code, String enhanced) {
        Rule rule = rule(code, enhanced);
        String providerCode = enhanced == null ? String.valueOf(code) : code + " " + enhanced;
        return new Failed(rule.errorClass(), rule.code(), providerCode, "the SMTP server answered " + providerCode, null);
    }

    /** Whatever failed a send: an SMTP refusal is classified by its reply, anything else is the connection's. */
    public static Failed forSendFailure(Throwable failure) {
        if (failure instanceof SMTPException smtp && smtp.getReplyCode() > 0) {
            return forReply(smtp.getReplyCode(), enhancedStatus(smtp.getReplyMessage()));
        }
        return new Failed(TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE, null,
                "the SMTP server was not reached: " + failure.getClass().getSimpleName(), null);
    }

    /** The enhanced status code in a reply's text ({@code 550 5.1.1 <x>: User unknown}), or null. */
    static String enhancedStatus(String replyText) {
        if (replyText == null) {
            return null;
        }
        Matcher m = ENHANCED.matcher(replyText);
        return m.find() ? m.group(1) + "." + Integer.parseInt(m.group(2)) + "." + Integer.parseInt(m.group(3)) : null;
    }

    /** True when the server refused our credentials, so that the channel reports itself not ready. */
    public static boolean refusesCredentials(Failed failed) {
        String p = failed.providerCode();
        if (p == null) {
            return false;
        }
        String[] parts = p.split(" ");
        return CREDENTIAL_REFUSALS.contains(parts[0]) || parts.length > 1 && CREDENTIAL_REFUSALS.contains(parts[1]);
    }

    private static Rule rule(int code, String enhanced) {
        if (code >= 400 && code < 500) {
            return code == 421 ? UNAVAILABLE : LATER;
        }
        if (code < 500 || code >= 600) {
            // 2xx and 3xx never fail a send; anything else is a server we do not understand
            return LATER;
        }
        if (enhanced != null && enhanced.startsWith("5.")) {
            Rule exact = BY_ENHANCED.get(enhanced);
            if (exact != null) {
                return exact;
            }
            int subject = Integer.parseInt(enhanced.split("\\.")[1]);
            Rule bySubject = BY_SUBJECT.get(subject);
            if (bySubject != null) {
                return bySubject;
            }
        }
        return BY_CODE.getOrDefault(code, REFUSED);
    }
}
