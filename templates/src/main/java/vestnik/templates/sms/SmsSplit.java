package vestnik.templates.sms;

import java.util.List;
import java.util.Objects;

/**
 * How a text goes out as SMS: the alphabet, the text of each part in order, the room one part has
 * ({@link SmsEncoding#singleLimit()} for a single SMS, {@link SmsEncoding#partLimit()} for a
 * concatenated one) and the units the whole text takes (septets for GSM 7-bit, UTF-16 code units for UCS-2).
 */
public record SmsSplit(SmsEncoding encoding, List<String> parts, int charsPerPart, int units) {

    public SmsSplit {
        Objects.requireNonNull(encoding, "encoding");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a split has at least one part");
        }
    }

    /** Number of SMS (submit_sm) the text costs. */
    public int partCount() {
        return parts.size();
    }

    /** Units still free in the last part before the text would need one more part, for an editor's counter. */
    public int remainingInLastPart() {
        String last = parts.get(parts.size() - 1);
        int used = encoding == SmsEncoding.GSM7 ? Gsm7.septets(last) : last.length();
        return charsPerPart - used;
    }
}
