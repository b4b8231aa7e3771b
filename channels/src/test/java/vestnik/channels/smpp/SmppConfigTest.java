package vestnik.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmppConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = """
            {"type": "smpp", "host": "127.0.0.1", "port": 2775, "systemId": "gw", "password": "secret",
             "sourceAddr": "VESTNIK", "binds": 1, "window": 64, "maxRate": 500}""";

    @Test
    @DisplayName("the gateway's example section reads with defaults for everything it leaves out")
    void gatewayExample() throws Exception {
        SmppConfig c = SmppConfig.from("sms", JSON.readTree(EXAMPLE));

        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(2775);
        assertThat(c.systemId()).isEqualTo("gw");
        assertThat(c.password()).isEqualTo("secret");
        assertThat(c.systemType()).isEmpty();
        assertThat(c.sourceAddr()).isEqualTo("VESTNIK");
        assertThat(c.sourceTon()).isEqualTo(5);
        assertThat(c.sourceNpi()).isZero();
        assertThat(c.destTon()).isEqualTo(1);
        assertThat(c.destNpi()).isEqualTo(1);
        assertThat(c.binds()).isEqualTo(1);
        assertThat(c.window()).isEqualTo(64);
        assertThat(c.maxRate()).isEqualTo(500);
        assertThat(c.maxParts()).isEqualTo(10);
        assertThat(c.maxInFlight()).isEqualTo(64);
        assertThat(c.enquireLinkInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.transactionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.reconnectMin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.reconnectMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.throttleRetryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.toString()).doesNotContain("secret");
    }

    @Test
    @DisplayName("a numeric sender defaults to TON 1 / NPI 1 and loses its '+'; explicit TON/NPI win")
    void numericSender() throws Exception {
        SmppConfig numeric = SmppConfig.from("sms", with("sourceAddr", "+74951234567"));
        ObjectNode explicit = with("sourceAddr", "7755");
        explicit.put("sourceTon", 3);
        explicit.put("sourceNpi", 0);
        SmppConfig shortCode = SmppConfig.from("sms", explicit);

        assertThat(numeric.sourceAddr()).isEqualTo("74951234567");
        assertThat(numeric.sourceTon()).isEqualTo(1);
        assertThat(numeric.sourceNpi()).isEqualTo(1);
        assertThat(shortCode.sourceTon()).isEqualTo(3);
        assertThat(shortCode.sourceNpi()).isZero();
    }

    @Test
    @DisplayName("durations are milliseconds or ISO-8601")
    void durations() throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(EXAMPLE);
        node.put("enquireLinkInterval", 15000);
        node.put("bindTimeout", "PT5S");
        node.put("transactionTimeout", "2500");
        node.put("reconnectMin", "pt0.2s");
        SmppConfig c = SmppConfig.from("sms", node);

        assertThat(c.enquireLinkInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.bindTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.transactionTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.reconnectMin()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    @DisplayName("invalid values are refused with a message naming the key")
    void validation() throws Exception {
        assertInvalid(with("port", 70000), "channels.sms.port must be 1..65535");
        assertInvalid(with("port", "abc"), "channels.sms.port has the wrong type");
        assertInvalid(without("host"), "channels.sms.host is missing");
        assertInvalid(without("password"), "channels.sms.password is missing");
        assertInvalid(with("systemId", "a-very-long-system-id"), "channels.sms.systemId must be at most 15 characters");
        assertInvalid(with("sourceAddr", "VESTNIK-COLLECT"), "channels.sms.sourceAddr must be at most 11 characters");
        assertInvalid(with("window", 0), "channels.sms.window must be 1..10000");
        assertInvalid(with("enquireLinkInterval", "soon"), "channels.sms.enquireLinkInterval must be milliseconds");
        assertInvalid(with("reconnectMax", "PT0.5S"), "channels.sms.reconnectMax must not be shorter than reconnectMin");
    }

    @Test
    @DisplayName("unknown keys are tolerated")
    void unknownKeysTolerated() throws Exception {
        SmppConfig c = SmppConfig.from("sms", with("comment", "primary SMSC"));

        assertThat(c.host()).isEqualTo("127.0.0.1");
    }

    private static ObjectNode with(String key, Object value) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(EXAMPLE);
        node.set(key, JSON.valueToTree(value));
        return node;
    }

    private static ObjectNode without(String key) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(EXAMPLE);
        node.remove(key);
        return node;
    }

    private static void assertInvalid(JsonNode node, String message) {
        assertThatThrownBy(() -> SmppConfig.from("sms", node))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
