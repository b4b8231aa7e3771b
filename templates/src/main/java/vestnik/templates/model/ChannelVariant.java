package vestnik.templates.model;

/** The content of one template for one kind of channel; template strings use Pebble syntax ({@code {{name}}}). */
public sealed interface ChannelVariant
        permits SmsVariant, MessengerVariant, WhatsAppVariant, EmailVariant, IvrVariant {

    VariantKind kind();
}
