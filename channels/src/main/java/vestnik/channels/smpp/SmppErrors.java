package vestnik.channels.smpp;

import static vestnik.channels.spi.ErrorClass.PERMANENT_CONFIG;
import static vestnik.channels.spi.ErrorClass.PERMANENT_RECIPIENT;
import static vestnik.channels.spi.ErrorClass.RATE_LIMITED;
import static vestnik.channels.spi.ErrorClass.TRANSIENT;

import java.time.Duration;
import java.util.Map;
import vestnik.channels.spi.ErrorClass;
import vestnik.channels.spi.FailureCodes;

/**
 * The SMPP v3.4 {@code command_status} table (spec 5.1.3) as the gateway acts on it. Throttling and a full queue
 * ask for the same message later; system and temporary application errors may clear; address and TON/NPI
 * errors will not. A status we do not know is treated as transient: wrongly retrying costs an attempt,
 * wrongly giving up loses a debtor's message.
 */
public final class SmppErrors {

    private record Entry(String name, ErrorClass errorClass, String code) {
    }

    private static final Map<Integer, Entry> TABLE = Map.ofEntries(
            entry(0x01, "ESME_RINVMSGLEN", PERMANENT_CONFIG, FailureCodes.INVALID_CONTENT),
            entry(0x02, "ESME_RINVCMDLEN", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x03, "ESME_RINVCMDID", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            // wrong bind state: the connection re-binds, the message may go again
            entry(0x04, "ESME_RINVBNDSTS", TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE),
            entry(0x05, "ESME_RALYBND", TRANSIENT, FailureCodes.PROVIDER_UNAVAILABLE),
            entry(0x08, "ESME_RSYSERR", TRANSIENT, FailureCodes.PROVIDER_ERROR),
            entry(0x0A, "ESME_RINVSRCADR", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x0B, "ESME_RINVDSTADR", PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT),
            entry(0x0D, "ESME_RBINDFAIL", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x0E, "ESME_RINVPASWD", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x0F, "ESME_RINVSYSID", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x14, "ESME_RMSGQFUL", RATE_LIMITED, FailureCodes.THROTTLED),
            entry(0x15, "ESME_RINVSERTYP", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x43, "ESME_RINVESMCLASS", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x45, "ESME_RSUBMITFAIL", TRANSIENT, FailureCodes.PROVIDER_ERROR),
            entry(0x48, "ESME_RINVSRCTON", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x49, "ESME_RINVSRCNPI", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x50, "ESME_RINVDSTTON", PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT),
            entry(0x51, "ESME_RINVDSTNPI", PERMANENT_RECIPIENT, FailureCodes.INVALID_RECIPIENT),
            entry(0x58, "ESME_RTHROTTLED", RATE_LIMITED, FailureCodes.THROTTLED),
            entry(0x61, "ESME_RINVSCHED", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x62, "ESME_RINVEXPIRY", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0x64, "ESME_RX_T_APPN", TRANSIENT, FailureCodes.PROVIDER_ERROR),
            // the SMSC's own refusal of this message (content filter, blacklisted number): try another channel
            entry(0x65, "ESME_RX_P_APPN", PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER),
            entry(0x66, "ESME_RX_R_APPN", PERMANENT_RECIPIENT, FailureCodes.REJECTED_BY_PROVIDER),
            entry(0xC0, "ESME_RINVTLVSTREAM", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0xC1, "ESME_RTLVNOTALLWD", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0xC2, "ESME_RINVTLVLEN", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0xC3, "ESME_RMISSINGTLV", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0xC4, "ESME_RINVTLVVAL", PERMANENT_CONFIG, FailureCodes.BAD_CONFIGURATION),
            entry(0xFE, "ESME_RDELIVERYFAILURE", TRANSIENT, FailureCodes.PROVIDER_ERROR),
            entry(0xFF, "ESME_RUNKNOWNERR", TRANSIENT, FailureCodes.PROVIDER_ERROR));

    private SmppErrors() {
    }

    /**
     * @param retryAfter the pause to ask for when the SMSC throttles (the channel's {@code throttleRetryAfter})
     * @throws IllegalArgumentException for 0 (ESME_ROK), which is not an error
     */
    public static SmppError classify(int commandStatus, Duration retryAfter) {
        if (commandStatus == 0) {
            throw new IllegalArgumentException("command_status 0 (ESME_ROK) is not an error");
        }
        Entry entry = TABLE.get(commandStatus);
        if (entry == null) {
            return new SmppError(commandStatus, TRANSIENT, FailureCodes.PROVIDER_ERROR, "unknown command_status", null);
        }
        return new SmppError(commandStatus, entry.errorClass(), entry.code(), entry.name(),
                entry.errorClass() == RATE_LIMITED ? retryAfter : null);
    }

    /** The spec's name of a status, e.g. {@code ESME_RINVDSTADR}, or {@code 0x...} when it has none we know. */
    public static String name(int commandStatus) {
        if (commandStatus == 0) {
            return "ESME_ROK";
        }
        Entry entry = TABLE.get(commandStatus);
        return entry == null ? providerCode(commandStatus) : entry.name();
    }

    /** The raw status as SMPP tools print it: {@code 0x0000000B}. */
    public static String providerCode(int commandStatus) {
        return String.format("0x%08X", commandStatus);
    }

    private static Map.Entry<Integer, Entry> entry(int status, String name, ErrorClass errorClass, String code) {
        return Map.entry(status, new Entry(name, errorClass, code));
    }
}
