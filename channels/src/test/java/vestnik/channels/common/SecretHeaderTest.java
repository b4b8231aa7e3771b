package vestnik.channels.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vestnik.channels.spi.WebhookRequest;
import vestnik.channels.testing.WebhookRequests;

class SecretHeaderTest {

    private static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private static WebhookRequest push(String header, String secret) {
        return WebhookRequests.jsonPost(header, secret, BODY);
    }

    @Test
    @DisplayName("the configured secret, in any header case, is admitted and nothing is counted")
    void admitted() {
        SecretHeader secret = new SecretHeader("tg", HEADER, "s3cret", metrics);

        assertThat(secret.admits(push(HEADER, "s3cret"))).isTrue();
        assertThat(secret.admits(push(HEADER.toLowerCase(), "s3cret"))).isTrue();
        assertThat(WebhookRequests.rejected(metrics, "tg")).isZero();
    }

    @Test
    @DisplayName("a wrong or missing secret is refused and counted for the channel")
    void refusedAndCounted() {
        SecretHeader secret = new SecretHeader("tg", HEADER, "s3cret", metrics);

        assertThat(secret.admits(push(HEADER, "s3creT"))).isFalse();
        assertThat(secret.admits(push(HEADER, null))).isFalse();
        assertThat(secret.admits(push("X-Other", "s3cret"))).isFalse();
        assertThat(WebhookRequests.rejected(metrics, "tg")).isEqualTo(3);
    }

    @Test
    @DisplayName("until a secret is set every request is refused, even one with an empty secret")
    void noSecretYet() {
        SecretHeader secret = new SecretHeader("tg", HEADER, null, metrics);

        assertThat(secret.admits(push(HEADER, ""))).isFalse();
        assertThat(secret.admits(push(HEADER, null))).isFalse();
    }

    @Test
    @DisplayName("once replaced, only the new secret is admitted")
    void replaced() {
        SecretHeader secret = new SecretHeader("tg", HEADER, "old", metrics);

        secret.replace("new");

        assertThat(secret.admits(push(HEADER, "new"))).isTrue();
        assertThat(secret.admits(push(HEADER, "old"))).isFalse();
    }
}
