package vestnik.channels.ari;

import java.util.Locale;

/**
 * The answering-machine detector's variables as the dialplan sets them ({@code AMD()} in
 * asterisk-amd-dialplan.conf): {@code AMDSTATUS} is MACHINE, HUMAN, NOTSURE or HANGUP, {@code AMDCAUSE}
 * the reason, and the sample dialplan also hands {@code amd=<status>} to {@code Stasis()} as an argument.
 */
final class AmdStatus {

    static final String STATUS_VARIABLE = "AMDSTATUS";
    static final String CAUSE_VARIABLE = "AMDCAUSE";
    /** The sample dialplan's {@code Set(GW_AMD=${AMDSTATUS}:${AMDCAUSE})}. */
    static final String COMBINED_VARIABLE = "GW_AMD";
    static final String STASIS_ARG_PREFIX = "amd=";

    private AmdStatus() {
    }

    static boolean isMachine(String status) {
        return status != null && status.trim().equalsIgnoreCase("MACHINE");
    }

    /** The status upper-cased, or null for an empty value (the dialplan ran without AMD). */
    static String normalise(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return status.trim().toUpperCase(Locale.ROOT);
    }
}
