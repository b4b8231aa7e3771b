package vestnik.templates.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a text into SMS parts the way the SMPP channel sends them (UDH concatenation, 8-bit reference).
 * GSM 7-bit is chosen when every character fits, otherwise UCS-2. A part boundary never falls inside a
 * GSM escape pair or a UTF-16 surrogate pair, so a part may carry one unit less than its limit.
 * An empty text is one empty part: it still costs an SMS if sent, and the channel refuses it separately.
 */
public final class SmsSegmenter {

    private SmsSegmenter() {
    }

    public static SmsSplit split(String text) {
        Objects.requireNonNull(text, "text");
        return Gsm7.canEncode(text) ? splitGsm7(text) : splitUcs2(text);
    }

    private static SmsSplit splitGsm7(String text) {
        int units = Gsm7.septets(text);
        SmsEncoding encoding = SmsEncoding.GSM7;
        if (units <= encoding.singleLimit()) {
            return new SmsSplit(encoding, List.of(text), encoding.singleLimit(), units);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = Gsm7.septets(text.charAt(i));
            if (used + cost > encoding.partLimit()) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += cost;
        }
        parts.add(text.substring(start));
        return new SmsSplit(encoding, parts, encoding.partLimit(), units);
    }

    private static SmsSplit splitUcs2(String text) {
        int units = text.length();
        SmsEncoding encoding = SmsEncoding.UCS2;
        if (units <= encoding.singleLimit()) {
            return new SmsSplit(encoding, List.of(text), encoding.singleLimit(), units);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < units) {
            int end = Math.min(start + encoding.partLimit(), units);
            if (end < units && Character.isHighSurrogate(text.charAt(end - 1))
                    && Character.isLowSurrogate(text.charAt(end))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return new SmsSplit(encoding, parts, encoding.partLimit(), units);
    }
}
