package vestnik.gateway.status;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Matching a receipt's message id to the id the provider gave at submission. SMSCs disagree on how they
 * write it: hex in submit_sm_resp and decimal in the receipt (jSMPP's own simulator does this), upper or
 * lower case, with or without leading zeros. Submission ids are indexed in one normal form; a receipt's
 * id is tried as written, then read as decimal written back in hex, then as hex written in decimal.
 */
public final class ProviderIds {

    private static final int MAX_NUMERIC_DIGITS = 40;

    private ProviderIds() {
    }

    /**
     * Lower case and without leading zeros when the id is a hex (or decimal) number, lower case for a UUID;
     * any other id (a WhatsApp wamid, a Viber token) exactly as given, since case matters in base64.
     */
    public static String normalize(String id) {
        String trimmed = id.trim();
        if (!isHexish(trimmed)) {
            return trimmed;
        }
        String s = trimmed.toLowerCase(Locale.ROOT);
        if (isLowerHex(s)) {
            int zeros = 0;
            while (zeros < s.length() && s.charAt(zeros) == '0') {
                zeros++;
            }
            return zeros == s.length() ? "0" : s.substring(zeros);
        }
        return s;
    }

    /** The normal forms a receipt id may correspond to, most likely first. */
    public static List<String> candidates(String receiptId) {
        String n = normalize(receiptId);
        LinkedHashSet<String> out = new LinkedHashSet<>();
        out.add(n);
        if (n.length() <= MAX_NUMERIC_DIGITS) {
            if (isDecimal(n)) {
                out.add(new BigInteger(n, 10).toString(16));
            }
            if (isLowerHex(n)) {
                out.add(new BigInteger(n, 16).toString(10));
            }
        }
        return List.copyOf(out);
    }

    // character loops rather than regular expressions: these run for every submission and every receipt

    /** Hex digits and dashes (hex numbers, UUIDs): the only ids whose letter case carries no meaning. */
    private static boolean isHexish(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerHex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDecimal(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
