package vestnik.gateway.store;

import java.security.SecureRandom;

/**
 * Message ids: 26 characters of Crockford base32, time-ordered (48 bits of milliseconds, then 80 random
 * bits, the ULID layout) so that listings sort by creation. When a message must live in a given shard
 * (next to its idempotency key) ids are drawn until one falls there: {@code shards} tries on average.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next() {
        long time = System.currentTimeMillis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    public static String nextInShard(Keys keys, int shard) {
        while (true) {
            String id = next();
            if (keys.shardOf(id) == shard) {
                return id;
            }
        }
    }

    public static boolean looksValid(String id) {
        if (id == null || id.length() != 26) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (java.util.Arrays.binarySearch(ALPHABET, id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
