package vestnik.channels.spi;

/**
 * Content beyond plain text that only some channels understand (an e-mail's subject and HTML, a
 * WhatsApp template, an IVR call script). Each channel package defines the payload records it reads;
 * a channel ignores payloads that are not its own.
 */
public interface ChannelPayload {
}
