package vestnik.gateway.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    private static final String SECRET = "whsec-test-0123456789";
    private static final String BODY = "{\"eventId\":\"01JD4Y8T8N0000000000000000:1\",\"status\":\"queued\"}";

    @Test
    @DisplayName("the signature is sha256= and the hex HMAC-SHA256 of timestamp.body (vector computed with openssl)")
    void knownVector() {
        // printf '%s' '1732438800.<body>' | openssl dgst -sha256 -hmac 'whsec-test-0123456789' -hex
        CallbackSignature s = CallbackSignature.sign(SECRET, 1732438800L, BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(s.timestamp()).isEqualTo("1732438800");
        assertThat(s.signature()).isEqualTo("sha256=fe3c741869ddf5a35e7eba384a62e4761425d60a932e0f68775b66d0561b982b");
    }

    @Test
    @DisplayName("another timestamp, another body or another secret gives another signature")
    void boundToEveryPart() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String base = CallbackSignature.sign(SECRET, 1732438800L, body).signature();
        assertThat(CallbackSignature.sign(SECRET, 1732438801L, body).signature()).isNotEqualTo(base);
        assertThat(CallbackSignature.sign(SECRET, 1732438800L, (BODY + " ").getBytes(StandardCharsets.UTF_8)).signature())
                .isNotEqualTo(base);
        assertThat(CallbackSignature.sign(SECRET + "x", 1732438800L, body).signature()).isNotEqualTo(base);
    }
}
