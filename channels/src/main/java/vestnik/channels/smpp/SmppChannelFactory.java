package vestnik.channels.smpp;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelFactory;
import vestnik.channels.spi.ChannelType;

/** Builds an {@link SmppChannel} from a {@code type: smpp} section. */
public final class SmppChannelFactory implements ChannelFactory {

    @Override
    public ChannelType type() {
        return ChannelType.SMPP;
    }

    @Override
    public Channel create(String id, JsonNode config, Vertx vertx, MeterRegistry metrics) {
        return new SmppChannel(id, SmppConfig.from(id, config), vertx, metrics);
    }
}
