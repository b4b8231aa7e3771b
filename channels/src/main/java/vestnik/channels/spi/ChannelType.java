package vestnik.channels.spi;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of channel the gateway can drive; {@code configName} is the {@code type:} key in YAML. */
public enum ChannelType {
    SMPP("smpp"),
    TELEGRAM("telegram"),
    VIBER("viber"),
    WHATSAPP("whatsapp"),
    MAX("max"),
    EMAIL("email"),
    ARI("ari"),
    VOICE_HTTP("voice-http");

    private final String configName;

    ChannelType(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<ChannelType> fromConfigName(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equalsIgnoreCase(name)).findFirst();
    }
}
