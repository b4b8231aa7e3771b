package vestnik.channels.max;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.ChannelRegistry;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.testing.Fixtures;

class MaxConfigTest {

    private static final String ISSUE_SECTION = """
            { "type": "max", "token": "tok", "webhookSecret": "s3cret", "baseUrl": "https://platform-api.max.ru" }""";

    @Test
    @DisplayName("the section from the issue reads with MAX's 30/s and no per-chat limit")
    void issueSection() {
        MaxConfig c = MaxConfig.from("mx", Fixtures.parse(ISSUE_SECTION));

        assertThat(c.token()).isEqualTo("tok");
        assertThat(c.webhookSecret()).isEqualTo("s3cret");
        assertThat(c.baseUrl()).isEqualTo("https://platform-api.max.ru");
        assertThat(c.rate()).isEqualTo(30);
        assertThat(c.perChatRate()).isNull();
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.botUsername()).isNull();
    }

    @Test
    @DisplayName("base URL defaults to platform-api.max.ru; rates and timeout can be set")
    void overrides() {
        MaxConfig c = MaxConfig.from("mx", Fixtures.parse("""
                { "type": "max", "token": "tok", "botUsername": "vestnik_bot", "rate": 20, "perChatRate": 2,
                  "requestTimeout": "PT3S", "maxInFlight": 8 }"""));

        assertThat(c.baseUrl()).isEqualTo(MaxConfig.DEFAULT_BASE_URL);
        assertThat(c.botUsername()).isEqualTo("vestnik_bot");
        assertThat(c.rate()).isEqualTo(20);
        assertThat(c.perChatRate()).isEqualTo(2);
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.maxInFlight()).isEqualTo(8);
    }

    @ParameterizedTest(name = "{0} -> names {1}")
    @DisplayName("a wrong section is refused with the key that is wrong")
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"max\"}                                              | channels.mx.token",
            "{\"type\":\"max\",\"token\":\"a b\"}                            | channels.mx.token",
            "{\"type\":\"max\",\"token\":\"tok\",\"secret\":\"x\"}           | channels.mx.secret",
            "{\"type\":\"max\",\"token\":\"tok\",\"rate\":-3}                | channels.mx.rate",
            "{\"type\":\"max\",\"token\":\"tok\",\"rate\":[1]}               | channels.mx.rate",
            "{\"type\":\"max\",\"token\":\"tok\",\"webhookSecret\":\"abc\"}  | channels.mx.webhookSecret",
            "{\"type\":\"max\",\"token\":\"tok\",\"webhookSecret\":\"ab_cdef\"} | channels.mx.webhookSecret",
            "{\"type\":\"max\",\"token\":\"tok\",\"baseUrl\":\"platform-api.max.ru\"} | channels.mx.baseUrl",
            "{\"type\":\"max\",\"token\":\"tok\",\"requestTimeout\":\"0s\"}  | channels.mx.requestTimeout",
    })
    void refused(String section, String key) {
        assertThatThrownBy(() -> MaxConfig.from("mx", Fixtures.parse(section)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key + " ");
    }

    @Test
    @DisplayName("the token never shows in the config's toString")
    void tokenHidden() {
        assertThat(MaxConfig.from("mx", Fixtures.parse(ISSUE_SECTION)).toString()).doesNotContain("tok,").doesNotContain("=tok");
    }

    @Test
    @DisplayName("the built-in registry builds a MAX channel from type: max")
    void registry() {
        Vertx vertx = Vertx.vertx();
        try {
            Channel channel = ChannelRegistry.builtIn().create("mx", Fixtures.parse(ISSUE_SECTION), vertx,
                    new SimpleMeterRegistry());
            assertThat(channel).isInstanceOf(MaxChannel.class);
            assertThat(channel.type()).isEqualTo(ChannelType.MAX);
            assertThat(channel.webhooks()).isPresent();
        } finally {
            vertx.close();
        }
    }
}
