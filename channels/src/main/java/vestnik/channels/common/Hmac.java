package vestnik.channels.common;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC signatures and secret comparison for webhooks and callbacks; every compare is constant-time. */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    public static String sha256Hex(String key, byte[] data) {
        return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8), data));
    }

    /** Compares without leaking where the first difference is; null never equals anything. */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** Case-insensitive for hex digests, still constant-time. */
    public static boolean hexEquals(String expectedHex, String actualHex) {
        if (expectedHex == null || actualHex == null) {
            return false;
        }
        return constantTimeEquals(expectedHex.toLowerCase(java.util.Locale.ROOT), actualHex.toLowerCase(java.util.Locale.ROOT));
    }
}
