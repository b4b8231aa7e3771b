package vestnik.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vestnik.channels.spi.ChannelType;

class ContactClassTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"smpp, MESSAGE", "telegram, MESSAGE", "viber, MESSAGE", "whatsapp, MESSAGE", "max, MESSAGE",
            "email, MESSAGE", "voice-http, MESSAGE", "ari, CALL"})
    void channelTypes(String configName, ContactClass expected) {
        assertThat(ContactClass.forChannelType(configName)).isEqualTo(expected);
    }

    @Test
    @DisplayName("every channel type has a class, and an unknown type name is refused")
    void total() {
        for (ChannelType t : ChannelType.values()) {
            assertThat(ContactClass.of(t)).isNotNull();
        }
        assertThatThrownBy(() -> ContactClass.forChannelType("pigeon")).hasMessageContaining("pigeon");
    }

    @Test
    @DisplayName("blocking statuses read and write the API's names")
    void statusNames() {
        for (BlockingStatus s : BlockingStatus.values()) {
            assertThat(BlockingStatus.fromWireName(s.wireName())).contains(s);
        }
        assertThat(BlockingStatus.DISABILITY_GROUP_1.wireName()).isEqualTo("disability_group_1");
        assertThat(BlockingStatus.fromWireName("asleep")).isEmpty();
    }
}
