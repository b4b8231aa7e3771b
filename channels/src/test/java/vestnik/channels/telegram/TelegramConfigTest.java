package vestnik.channels.telegram;

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

class TelegramConfigTest {

    private static final String ISSUE_SECTION = """
            { "type": "telegram", "token": "123:ABC", "botUsername": "vestnik_demo_bot",
              "webhookSecret": "s3cret", "baseUrl": "https://api.telegram.org" }""";

    @Test
    @DisplayName("the section from the issue reads with Telegram's advised rates as defaults")
    void issueSection() {
        TelegramConfig c = TelegramConfig.from("tg", Fixtures.parse(ISSUE_SECTION));

        assertThat(c.token()).isEqualTo("123:ABC");
        assertThat(c.botUsername()).isEqualTo("vestnik_demo_bot");
        assertThat(c.webhookSecret()).isEqualTo("s3cret");
        assertThat(c.baseUrl()).isEqualTo("https://api.telegram.org");
        assertThat(c.rate()).isEqualTo(30);
        assertThat(c.perChatRate()).isEqualTo(1);
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.maxInFlight()).isEqualTo(16);
    }

    @Test
    @DisplayName("rates, timeout and in-flight limit can be set; a trailing slash and '@' are dropped")
    void overrides() {
        TelegramConfig c = TelegramConfig.from("tg", Fixtures.parse("""
                { "type": "telegram", "token": "123:ABC", "botUsername": "@vestnik_demo_bot",
                  "baseUrl": "http://localhost:8080/", "rate": 25, "perChatRate": 0.5,
                  "requestTimeout": "1500ms", "maxInFlight": 4 }"""));

        assertThat(c.botUsername()).isEqualTo("vestnik_demo_bot");
        assertThat(c.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(c.rate()).isEqualTo(25);
        assertThat(c.perChatRate()).isEqualTo(0.5);
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.maxInFlight()).isEqualTo(4);
        assertThat(c.webhookSecret()).isNull();
    }

    @ParameterizedTest(name = "{0} -> names {1}")
    @DisplayName("a wrong section is refused with the key that is wrong")
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"telegram\"}                                              | channels.tg.token",
            "{\"type\":\"telegram\",\"token\":\"ABC\"}                            | channels.tg.token",
            "{\"type\":\"telegram\",\"token\":\"123:ABC\",\"tokn\":\"x\"}         | channels.tg.tokn",
            "{\"type\":\"telegram\",\"token\":\"123:ABC\",\"rate\":\"fast\"}      | channels.tg.rate",
            "{\"type\":\"telegram\",\"token\":\"123:ABC\",\"rate\":0}             | channels.tg.rate",
            "{\"type\":\"telegram\",\"token\":\"123:ABC\",\"perChatRate\":-1}     | channels.tg.perChatRate",
            "{\"type\":\"telegram\",\"token\":\"123:ABC\",\"webhookSecret\":\"a b\"} | channels.tg.webhookSecret",
            "{\"type\":\"telegram\",\"token\":\"123:ABC\",\"baseUrl\":\"ftp://x\"} | channels.tg.baseUrl",
            "{\"type\":\"telegram\",\"token\":\"123:ABC\",\"requestTimeout\":\"soon\"} | channels.tg.requestTimeout",
            "{\"type\":\"telegram\",\"token\":\"123:ABC\",\"maxInFlight\":0}      | channels.tg.maxInFlight",
            "{\"type\":\"telegram\",\"token\":\"123:ABC\",\"botUsername\":\"a b\"} | channels.tg.botUsername",
    })
    void refused(String section, String key) {
        assertThatThrownBy(() -> TelegramConfig.from("tg", Fixtures.parse(section)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key + " ");
    }

    @Test
    @DisplayName("the token never shows in the config's toString")
    void tokenHidden() {
        assertThat(TelegramConfig.from("tg", Fixtures.parse(ISSUE_SECTION)).toString()).doesNotContain("123:ABC");
    }

    @Test
    @DisplayName("the built-in registry builds a Telegram channel from type: telegram")
    void registry() {
        Vertx vertx = Vertx.vertx();
        try {
            Channel channel = ChannelRegistry.builtIn().create("tg", Fixtures.parse(ISSUE_SECTION), vertx,
                    new SimpleMeterRegistry());
            assertThat(channel).isInstanceOf(TelegramChannel.class);
            assertThat(channel.id()).isEqualTo("tg");
            assertThat(channel.type()).isEqualTo(ChannelType.TELEGRAM);
            assertThat(channel.webhooks()).isPresent();
            assertThat(((TelegramChannel) channel).config().perChatRate()).isEqualTo(1);
        } finally {
            vertx.close();
        }
    }
}
