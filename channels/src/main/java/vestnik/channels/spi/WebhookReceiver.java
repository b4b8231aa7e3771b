package vestnik.channels.spi;

import io.vertx.core.Future;

/**
 * A channel whose provider pushes events over HTTP. {@link #handle} authenticates the raw bytes and
 * parses them into events without any I/O; the gateway stores the events and then answers.
 */
public interface WebhookReceiver {

    WebhookOutcome handle(WebhookRequest request);

    /** Tells the provider where to push events, with a fresh shared secret the channel will check from now on. */
    Future<Void> register(String publicUrl, String secret);
}
