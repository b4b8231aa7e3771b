package vestnik.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * An API key as the gateway keeps it: only the SHA-256 of the key, never the key itself, so a heap
 * dump or a Redis copy does not hand out credentials.
 */
public record ApiKey(String tenantId, String keyHash, Set<Role> roles) {

    public ApiKey {
        roles = Set.copyOf(roles);
    }

    /**
     * Eight hex digits naming this key in audit trails: taken from a hash of the stored hash, so it reveals
     * nothing usable about the key, yet tells a tenant's keys apart.
     */
    public String fingerprint() {
        return hash("fingerprint:" + keyHash).substring(0, 8);
    }

    public static String hash(String plainKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plainKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
