package vestnik.templates.sms;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The GSM 03.38 default alphabet with its extension table, unpacked: one octet per septet, as SMPP
 * carries it with {@code data_coding} 0x00. Extension characters ({@code ^ { } \ [ ~ ] | €} and form
 * feed) are written as the escape 0x1B followed by their code, so they cost two septets.
 */
public final class Gsm7 {

    static final int ESCAPE = 0x1B;

    /** Index = septet; 0x1B is the escape and never a character of its own. */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Extension characters and the septet that follows the escape for each. */
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private static final int[] BASIC_CODE = new int[0x2100];
    private static final int[] EXTENSION_CODE = new int[0x2100];
    private static final char[] EXTENSION_BY_CODE = new char[0x80];

    static {
        Arrays.fill(BASIC_CODE, -1);
        Arrays.fill(EXTENSION_CODE, -1);
        for (int code = 0; code < BASIC.length(); code++) {
            if (code != ESCAPE) {
                BASIC_CODE[BASIC.charAt(code)] = code;
            }
        }
        for (int i = 0; i < EXTENSION_CHARS.length(); i++) {
            EXTENSION_CODE[EXTENSION_CHARS.charAt(i)] = EXTENSION_CODES[i];
            EXTENSION_BY_CODE[EXTENSION_CODES[i]] = EXTENSION_CHARS.charAt(i);
        }
    }

    private Gsm7() {
    }

    /** True when every character of the text is in the default alphabet or its extension table. */
    public static boolean canEncode(String text) {
        Objects.requireNonNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Septets the text takes, extension characters counting two.
     *
     * @throws IllegalArgumentException when a character has no GSM 7-bit code
     */
    public static int septets(String text) {
        Objects.requireNonNull(text, "text");
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += requireSeptets(text, i);
        }
        return total;
    }

    /** Septets one character takes: 1 basic, 2 extension, 0 when it cannot be encoded. */
    static int septets(char c) {
        if (c < BASIC_CODE.length && BASIC_CODE[c] >= 0) {
            return 1;
        }
        if (c < EXTENSION_CODE.length && EXTENSION_CODE[c] >= 0) {
            return 2;
        }
        return 0;
    }

    /**
     * One octet per septet, an escape 0x1B before each extension character.
     *
     * @throws IllegalArgumentException when a character has no GSM 7-bit code
     */
    public static byte[] encodeUnpacked(String text) {
        Objects.requireNonNull(text, "text");
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (requireSeptets(text, i) == 1) {
                out.write(BASIC_CODE[c]);
            } else {
                out.write(ESCAPE);
                out.write(EXTENSION_CODE[c]);
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads unpacked septets. Following GSM 23.038, an escape before a code with no extension character
     * shows the default-table character; a trailing escape is dropped; octets above 0x7F (not GSM at all)
     * become '?'.
     */
    public static String decodeUnpacked(byte[] octets) {
        Objects.requireNonNull(octets, "octets");
        StringBuilder text = new StringBuilder(octets.length);
        for (int i = 0; i < octets.length; i++) {
            int code = octets[i] & 0xFF;
            if (code > 0x7F) {
                text.append('?');
            } else if (code == ESCAPE) {
                if (i + 1 >= octets.length) {
                    break;
                }
                int next = octets[++i] & 0xFF;
                if (next > 0x7F) {
                    text.append('?');
                } else if (EXTENSION_BY_CODE[next] != 0) {
                    text.append(EXTENSION_BY_CODE[next]);
                } else if (next != ESCAPE) {
                    text.append(BASIC.charAt(next));
                }
            } else {
                text.append(BASIC.charAt(code));
            }
        }
        return text.toString();
    }

    private static int requireSeptets(String text, int index) {
        int n = septets(text.charAt(index));
        if (n == 0) {
            throw new IllegalArgumentException(
                    "character U+" + String.format("%04X", (int) text.charAt(index)) + " at " + index
                            + " is not in the GSM 7-bit alphabet");
        }
        return n;
    }
}
