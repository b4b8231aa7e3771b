package vestnik.channels.email;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of an RFC 8058 one-click unsubscribe link. RFC 8058 wants the URI itself to identify the
 * recipient, and the receiver turns it into an opt-out without any lookup, so the token carries the
 * address. It is sealed with AES-256-GCM: nobody can make one for another address (the tag fails), and
 * the address does not show in the URL that mail providers, proxies and access logs see (152-FZ).
 *
 * <p>Layout, base64url without padding: {@code version (1) | nonce (12) | ciphertext | tag (16)}. The key is
 * SHA-256 of a fixed label and the channel's {@code tokenSecret}; the channel id is the associated data,
 * so a link made for one channel does nothing on another that shares the secret. Links do not expire:
 * a debtor may unsubscribe from a month-old letter.
 */
final class UnsubscribeTokens {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_TOKEN_CHARS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final byte[] channel;

    UnsubscribeTokens(String channelId, String secret) {
        this.key = new SecretKeySpec(sha256("vestnik email unsubscribe v1\0" + secret), "AES");
        this.channel = channelId.getBytes(StandardCharsets.UTF_8);
    }

    String issue(String address) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(channel);
            byte[] sealed = cipher.doFinal(address.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    /** The address a token was issued for; empty when it was not issued with this key for this channel. */
    Optional<String> redeem(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length <= 1 + NONCE + TAG_BITS / 8 || raw[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 1, NONCE));
            cipher.updateAAD(channel);
            byte[] plain = cipher.doFinal(raw, 1 + NONCE, raw.length - 1 - NONCE);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
