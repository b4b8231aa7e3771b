package vestnik.loadtest.driver;

import java.net.URI;
import java.util.OptionalLong;

/** A gateway someone else started; the driver only talks to it (and reads /proc when given its pid). */
record RemoteGateway(URI baseUrl, String apiKey, OptionalLong pid) implements GatewayUnderTest {

    @Override
    public OptionalLong redisPid() {
        return pid.isPresent() ? GatewayUnderTest.childRedis(pid.getAsLong()) : OptionalLong.empty();
    }

    @Override
    public String description() {
        return baseUrl.toString();
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
