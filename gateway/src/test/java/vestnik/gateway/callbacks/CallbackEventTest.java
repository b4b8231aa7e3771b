package vestnik.gateway.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallbackEventTest {

    private static final Map<String, String> DELIVERED = Map.of("id", "01JD4Y8T8N5QW3Z1XK7V2M9ABC", "n", "4", "t", "demo",
            "u", "https://crm.example.org/cb", "x", "inv-42-r1", "st", "delivered", "c", "sms",
            "at", "2026-11-24T09:00:03.120Z", "d", "DELIVRD");

    @Test
    @DisplayName("a stream entry becomes an event whose id is <messageId>:<number> and whose age counts from the entry's time")
    void fromStream() {
        CallbackEvent e = CallbackEvent.fromStream("1795510803120-0", DELIVERED).orElseThrow();
        assertThat(e.eventId()).isEqualTo("01JD4Y8T8N5QW3Z1XK7V2M9ABC:4");
        assertThat(e.createdMs()).isEqualTo(1795510803120L);
        assertThat(e.attempts()).isZero();
        assertThat(CallbackEvent.fromStored(e.stored())).contains(e);
    }

    @Test
    @DisplayName("an entry without a message id, number, tenant, URL or status is not an event")
    void incomplete() {
        for (String missing : List.of("id", "n", "t", "u", "st")) {
            Map<String, String> f = new java.util.HashMap<>(DELIVERED);
            f.remove(missing);
            assertThat(CallbackEvent.fromStream("1-0", f)).as("without " + missing).isEmpty();
        }
    }

    @Test
    @DisplayName("the body has exactly the documented fields, absent ones as null, and an error object only for a failure")
    void body() {
        JsonObject ok = new JsonObject(new String(CallbackEvent.fromStream("1-0", DELIVERED).orElseThrow().body(),
                StandardCharsets.UTF_8));
        assertThat(ok.fieldNames()).containsExactly("eventId", "messageId", "externalId", "status", "channel", "at",
                "detail", "error");
        assertThat(ok.getString("status")).isEqualTo("delivered");
        assertThat(ok.getString("externalId")).isEqualTo("inv-42-r1");
        assertThat(ok.getValue("error")).isNull();

        Map<String, String> failed = new java.util.HashMap<>(DELIVERED);
        failed.putAll(Map.of("st", "failed", "ec", "delivery_failed", "ecl", "permanent_recipient", "epc", "001"));
        failed.remove("x");
        JsonObject bad = new JsonObject(new String(CallbackEvent.fromStream("1-0", failed).orElseThrow().body(),
                StandardCharsets.UTF_8));
        assertThat(bad.containsKey("externalId")).isTrue();
        assertThat(bad.getValue("externalId")).isNull();
        assertThat(bad.getJsonObject("error")).isEqualTo(new JsonObject().put("code", "delivery_failed")
                .put("class", "permanent_recipient").put("providerCode", "001"));
    }
}
