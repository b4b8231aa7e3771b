package vestnik.channels.voicehttp;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelFactory;
import vestnik.channels.spi.ChannelType;

/** Builds a {@link VoiceHttpChannel} from a {@code type: voice-http} section. */
public final class VoiceHttpChannelFactory implements ChannelFactory {

    @Override
    public ChannelType type() {
        return ChannelType.VOICE_HTTP;
    }

    @Override
    public Channel create(String id, JsonNode config, Vertx vertx, MeterRegistry metrics) {
        return new VoiceHttpChannel(id, VoiceHttpConfig.from(id, config), vertx);
    }
}
