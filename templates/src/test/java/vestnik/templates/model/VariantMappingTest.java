package vestnik.templates.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariantMappingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "smpp, SMS", "telegram, MESSENGER", "viber, MESSENGER", "max, MESSENGER", "whatsapp, WHATSAPP",
        "email, EMAIL", "ari, IVR", "voice-http, IVR", "SMPP, SMS",
    })
    @DisplayName("each gateway channel type needs one kind of variant")
    void kinds(String configName, VariantKind kind) {
        assertThat(VariantKind.forChannelType(configName)).contains(kind);
    }

    @Test
    @DisplayName("an unknown channel type has no kind")
    void unknown() {
        assertThat(VariantKind.forChannelType("pigeon")).isEmpty();
        assertThat(VariantKind.forChannelType(null)).isEmpty();
    }

    @Test
    @DisplayName("every channel type the gateway knows (vestnik.channels.spi.ChannelType) has a kind and a slot")
    void everySpiType() {
        // the config names of ChannelType; templates cannot depend on channels, which depends on templates
        List<String> configNames = List.of("smpp", "telegram", "viber", "whatsapp", "max", "email", "ari", "voice-http");

        assertThat(configNames.stream().map(VariantKind::forChannelType)).allMatch(Optional::isPresent);
        assertThat(configNames.stream().map(VariantSlot::candidatesFor)).noneMatch(List::isEmpty);
    }

    @Test
    @DisplayName("a messenger channel prefers its own variant and falls back to the shared one")
    void slotFallback() {
        Variants shared = Variants.none().with(VariantSlot.MESSENGER, MessengerVariant.text("общий"));
        Variants own = shared.with(VariantSlot.MAX, MessengerVariant.text("MAX"));

        assertThat(shared.slotFor("max")).contains(VariantSlot.MESSENGER);
        assertThat(own.slotFor("max")).contains(VariantSlot.MAX);
        assertThat(own.slotFor("smpp")).isEmpty();
    }
}
