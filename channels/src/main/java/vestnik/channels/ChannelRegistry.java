package vestnik.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vestnik.channels.smpp.SmppChannelFactory;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelFactory;
import vestnik.channels.spi.ChannelType;
import vestnik.channels.ari.AriChannelFactory;
import vestnik.channels.email.EmailChannelFactory;
import vestnik.channels.max.MaxChannelFactory;
import vestnik.channels.telegram.TelegramChannelFactory;
import vestnik.channels.viber.ViberChannelFactory;
import vestnik.channels.voicehttp.VoiceHttpChannelFactory;
import vestnik.channels.whatsapp.WhatsAppChannelFactory;

/** The one place that knows every channel implementation: adding a channel is one line in {@link #builtIn()}. */
public final class ChannelRegistry {

    private final Map<ChannelType, ChannelFactory> factories = new EnumMap<>(ChannelType.class);

    public ChannelRegistry(List<ChannelFactory> factories) {
        factories.forEach(f -> this.factories.put(f.type(), f));
    }

    public static ChannelRegistry builtIn() {
        // an array literal, so every line (trailing comma included) is added or removed on its own
        return new ChannelRegistry(List.of(new ChannelFactory[] {
            new SmppChannelFactory(),
            new TelegramChannelFactory(),
            new MaxChannelFactory(),
            new ViberChannelFactory(),
            new WhatsAppChannelFactory(),
            new AriChannelFactory(),
            new VoiceHttpChannelFactory(),
            new EmailChannelFactory(),
        }));
    }

    public Optional<ChannelFactory> factory(ChannelType type) {
        return Optional.ofNullable(factories.get(type));
    }

    /**
     * Builds the channel configured under {@code id}; the section's {@code type} names the factory.
     *
     * @throws IllegalArgumentException for a missing or unknown type, or an invalid section
     */
    public Channel create(String id, JsonNode section, Vertx vertx, MeterRegistry metrics) {
        JsonNode typeNode = section == null ? null : section.get("type");
        if (typeNode == null || typeNode.asText().isBlank()) {
            throw new IllegalArgumentException("channels." + id + ".type is missing");
        }
        ChannelType type = ChannelType.fromConfigName(typeNode.asText())
                .orElseThrow(() -> new IllegalArgumentException(
                        "channels." + id + ".type '" + typeNode.asText() + "' is not a known channel type"));
        ChannelFactory factory = factory(type)
                .orElseThrow(() -> new IllegalArgumentException(
                        "channels." + id + ".type '" + type.configName() + "' is not available in this build"));
        return factory.create(id, section, vertx, metrics);
    }
}
