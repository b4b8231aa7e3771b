package vestnik.channels.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/** Builds a channel of one type from its YAML section; each channel package has one. */
public interface ChannelFactory {

    ChannelType type();

    /**
     * @param id     the channel's config key
     * @param config the channel's YAML section as a tree (its own config record is read from it)
     * @throws IllegalArgumentException when the section is invalid, naming the key that is wrong
     */
    Channel create(String id, JsonNode config, Vertx vertx, MeterRegistry metrics);
}
