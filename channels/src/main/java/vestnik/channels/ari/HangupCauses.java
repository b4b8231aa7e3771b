package vestnik.channels.ari;

import java.util.Map;
import vestnik.channels.spi.CallResult;

/**
 * What a Q.850 hangup cause (ARI's {@code ChannelDestroyed.cause}) says about a call. For a call that was
 * never answered the cause is the whole story: busy, no answer, rejected or a failure. Once the callee
 * answered, the cause only says who hung up; the result then comes from the answering-machine detector.
 *
 * <p>Causes not in the table are failures that may pass ({@code transient}), because an unknown code is
 * far more often a network hiccup than a wrong number. Texts are Asterisk's ({@code main/channel.c}).
 */
public final class HangupCauses {

    /** One row: the result of an unanswered call with this cause, and whether trying later can help. */
    public record Cause(int code, String text, CallResult unanswered, boolean permanent) {
    }

    public static final int NORMAL_CLEARING = 16;

    private static final Map<Integer, Cause> TABLE = Map.ofEntries(
            row(1, "Unallocated (unassigned) number", CallResult.FAILED, true),
            row(2, "No route to specified transmit network", CallResult.FAILED, true),
            row(3, "No route to destination", CallResult.FAILED, true),
            row(6, "Channel unacceptable", CallResult.FAILED, false),
            // an unanswered call cleared normally: the originate timed out or the callee's side gave up ringing
            row(NORMAL_CLEARING, "Normal Clearing", CallResult.NO_ANSWER, false),
            row(17, "User busy", CallResult.BUSY, false),
            row(18, "No user responding", CallResult.NO_ANSWER, false),
            row(19, "User alerting, no answer", CallResult.NO_ANSWER, false),
            // switched off or out of coverage: the same as not answering for the debtor's statistics
            row(20, "Subscriber absent", CallResult.NO_ANSWER, false),
            row(21, "Call Rejected", CallResult.REJECTED, false),
            row(22, "Number changed", CallResult.FAILED, true),
            row(27, "Destination out of order", CallResult.FAILED, false),
            row(28, "Invalid number format", CallResult.FAILED, true),
            row(29, "Facility rejected", CallResult.FAILED, false),
            row(31, "Normal, unspecified", CallResult.FAILED, false),
            row(34, "Circuit/channel congestion", CallResult.FAILED, false),
            row(38, "Network out of order", CallResult.FAILED, false),
            row(41, "Temporary failure", CallResult.FAILED, false),
            row(42, "Switching equipment congestion", CallResult.FAILED, false),
            row(44, "Requested channel not available", CallResult.FAILED, false),
            row(47, "Resource unavailable, unspecified", CallResult.FAILED, false),
            row(50, "Requested facility not subscribed", CallResult.FAILED, true),
            row(57, "Bearer capability not authorized", CallResult.FAILED, true),
            row(58, "Bearer capability not available", CallResult.FAILED, false),
            row(88, "Incompatible destination", CallResult.FAILED, true),
            row(102, "Recovery on timer expiry", CallResult.FAILED, false));

    private HangupCauses() {
    }

    private static Map.Entry<Integer, Cause> row(int code, String text, CallResult unanswered, boolean permanent) {
        return Map.entry(code, new Cause(code, text, unanswered, permanent));
    }

    /** The row for a cause; an unknown or missing cause is a transient failure. */
    public static Cause of(Integer code) {
        if (code == null) {
            return new Cause(0, "Unknown", CallResult.FAILED, false);
        }
        Cause c = TABLE.get(code);
        return c != null ? c : new Cause(code, "Cause " + code, CallResult.FAILED, false);
    }

    /** True when calling the same number again cannot succeed (unallocated, invalid format, number changed). */
    public static boolean isPermanent(Integer code) {
        return of(code).permanent();
    }

    /**
     * The result of a finished call.
     *
     * @param answered  whether the call reached our application answered (a {@code StasisStart} was seen)
     * @param amdStatus the detector's verdict or null; only {@code MACHINE} makes an answered call a machine,
     *                  so {@code NOTSURE} and {@code HANGUP} (the callee hung up while the detector listened)
     *                  count as a person, with the raw verdict kept in the outcome
     */
    public static CallResult result(Integer code, boolean answered, String amdStatus) {
        if (answered) {
            return AmdStatus.isMachine(amdStatus) ? CallResult.ANSWERING_MACHINE : CallResult.ANSWERED_HUMAN;
        }
        return of(code).unanswered();
    }
}
