package vestnik.channels.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.spi.Channel;
import vestnik.channels.spi.ChannelFactory;
import vestnik.channels.spi.ChannelType;

/** Builds a {@link WhatsAppChannel} from a {@code type: whatsapp} section. */
public final class WhatsAppChannelFactory implements ChannelFactory {

    @Override
    public ChannelType type() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public Channel create(String id, JsonNode config, Vertx vertx, MeterRegistry metrics) {
        WhatsAppConfig whatsApp = WhatsAppConfig.from(id, config);
        return new WhatsAppChannel(id, whatsApp,
                new JsonHttp(vertx, whatsApp.requestTimeout(), WhatsAppChannel.HTTP_POOL), metrics);
    }
}
