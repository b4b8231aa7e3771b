package vestnik.channels.viber;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelFactory;
import vestnik.channels.spi.ChannelType;

/** Builds a {@link ViberChannel} from a {@code type: viber} section. */
public final class ViberChannelFactory implements ChannelFactory {

    @Override
    public ChannelType type() {
        return ChannelType.VIBER;
    }

    @Override
    public Channel create(String id, JsonNode config, Vertx vertx, MeterRegistry metrics) {
        ViberConfig viber = ViberConfig.from(id, config);
        return new ViberChannel(id, viber, new JsonHttp(vertx, viber.requestTimeout(), ViberChannel.HTTP_POOL));
    }
}
