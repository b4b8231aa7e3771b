package vestnik.channels.spi;

import java.util.Locale;

/**
 * How a voice call ended, as far as the callee is concerned. An answering machine is its own result so
 * that it never counts as a contact with the debtor (about half of answered robocalls reach one).
 */
public enum CallResult {
    /** A person answered (or the detector was not sure and the script played to whoever it was). */
    ANSWERED_HUMAN,
    /** The answering-machine detector heard a machine or voicemail greeting. */
    ANSWERING_MACHINE,
    /** It rang and nobody answered, or the phone was unreachable or switched off. */
    NO_ANSWER,
    BUSY,
    /** The callee or their operator refused the call (declined, blocked as spam). */
    REJECTED,
    /** The call could not be made: invalid number, network or trunk failure. */
    FAILED;

    /** {@code answered_human}, {@code answering_machine}, ...: the word used in a message's {@code detail}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
