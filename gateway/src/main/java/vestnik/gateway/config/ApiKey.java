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

    public static String hash(String plainKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plainKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
