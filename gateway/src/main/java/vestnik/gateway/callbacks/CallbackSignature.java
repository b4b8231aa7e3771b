package vestnik.gateway.callbacks;

import java.nio.charset.StandardCharsets;
import vestnik.channels.common.Hmac;

/**
 * The headers that let an upstream check a callback: {@code X-Vestnik-Timestamp} (unix seconds) and
 * {@code X-Vestnik-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. The timestamp is
 * signed with the body, so a captured callback cannot be replayed later under a fresh timestamp.
 */
public record CallbackSignature(String timestamp, String signature) {

    public static final String TIMESTAMP_HEADER = "X-Vestnik-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Vestnik-Signature";

    public static CallbackSignature sign(String secret, long unixSeconds, byte[] body) {
        String timestamp = Long.toString(unixSeconds);
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return new CallbackSignature(timestamp, "sha256=" + Hmac.sha256Hex(secret, signed));
    }
}
