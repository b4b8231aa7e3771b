package vestnik.channels.ari;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelFactory;
import vestnik.channels.spi.ChannelType;

/** Builds an {@link AriChannel} from a {@code type: ari} section. */
public final class AriChannelFactory implements ChannelFactory {

    @Override
    public ChannelType type() {
        return ChannelType.ARI;
    }

    @Override
    public Channel create(String id, JsonNode config, Vertx vertx, MeterRegistry metrics) {
        return new AriChannel(id, AriConfig.from(id, config), vertx, metrics, Clock.systemUTC());
    }
}
