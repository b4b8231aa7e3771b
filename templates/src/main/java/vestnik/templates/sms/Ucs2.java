package vestnik.templates.sms;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * UCS-2 as SMSCs really use it: UTF-16 big-endian code units, so a character outside the BMP (an emoji)
 * travels as its surrogate pair and costs two units.
 */
public final class Ucs2 {

    private Ucs2() {
    }

    public static byte[] encode(String text) {
        return Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_16BE);
    }

    /** A trailing odd octet (a broken part) decodes to U+FFFD rather than failing the whole message. */
    public static String decode(byte[] octets) {
        return new String(Objects.requireNonNull(octets, "octets"), StandardCharsets.UTF_16BE);
    }
}
