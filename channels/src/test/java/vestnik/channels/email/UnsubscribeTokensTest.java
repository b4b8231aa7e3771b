package vestnik.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final String SECRET = "0123456789abcdef-token-secret";
    private final UnsubscribeTokens tokens = new UnsubscribeTokens("em", SECRET);

    @Test
    @DisplayName("a token opens to the address it was issued for, and does not show it")
    void roundTrip() {
        String token = tokens.issue("ivan.petrov@mail.ru");

        assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain("ivan", "mail");
        assertThat(tokens.redeem(token)).contains("ivan.petrov@mail.ru");
    }

    @Test
    @DisplayName("a token with one byte changed opens to nothing")
    void tampered() {
        byte[] raw = Base64.getUrlDecoder().decode(tokens.issue("ivan.petrov@mail.ru"));
        raw[raw.length - 20] ^= 1;

        assertThat(tokens.redeem(Base64.getUrlEncoder().withoutPadding().encodeToString(raw))).isEmpty();
    }

    @Test
    @DisplayName("a token made with another secret, or for another channel, opens to nothing")
    void otherKeyOrChannel() {
        String token = tokens.issue("ivan.petrov@mail.ru");

        assertThat(new UnsubscribeTokens("em", "another-secret-of-16+").redeem(token)).isEmpty();
        assertThat(new UnsubscribeTokens("em2", SECRET).redeem(token)).isEmpty();
    }

    @Test
    @DisplayName("garbage, an empty token and an overlong one open to nothing without an exception")
    void garbage() {
        assertThat(tokens.redeem("")).isEmpty();
        assertThat(tokens.redeem(null)).isEmpty();
        assertThat(tokens.redeem("not base64 at all!")).isEmpty();
        assertThat(tokens.redeem("AQ")).isEmpty();
        assertThat(tokens.redeem("A".repeat(600))).isEmpty();
    }
}
