package vestnik.channels.max;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelFactory;
import vestnik.channels.spi.ChannelType;

/** Builds a {@link MaxChannel} from a {@code type: max} section. */
public final class MaxChannelFactory implements ChannelFactory {

    @Override
    public ChannelType type() {
        return ChannelType.MAX;
    }

    @Override
    public Channel create(String id, JsonNode config, Vertx vertx, MeterRegistry metrics) {
        return new MaxChannel(id, MaxConfig.from(id, config), vertx, metrics);
    }
}
