package vestnik.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelFactory;
import vestnik.channels.spi.ChannelType;

/** Builds a {@link TelegramChannel} from a {@code type: telegram} section. */
public final class TelegramChannelFactory implements ChannelFactory {

    @Override
    public ChannelType type() {
        return ChannelType.TELEGRAM;
    }

    @Override
    public Channel create(String id, JsonNode config, Vertx vertx, MeterRegistry metrics) {
        return new TelegramChannel(id, TelegramConfig.from(id, config), vertx, metrics);
    }
}
