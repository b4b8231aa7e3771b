package vestnik.channels.voicehttp;

import java.util.regex.Pattern;
import vestnik.channels.spi.ChannelPayload;

/**
 * A voice message prepared in the provider's account (its audio and its "press N" transfer) to play
 * instead of speaking the message's text.
 */
public record VoiceHttpPayload(String serviceId) implements ChannelPayload {

    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public VoiceHttpPayload {
        if (serviceId == null || !SERVICE_ID.matcher(serviceId).matches()) {
            throw new IllegalArgumentException("serviceId must be the id of a prepared voice message");
        }
    }
}
