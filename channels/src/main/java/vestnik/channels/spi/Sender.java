package vestnik.channels.spi;

/**
 * Who wrote to us on a channel: a phone in E.164, an e-mail address, or the messenger's own user id,
 * with the display name the provider gave, if any. Any field may be null.
 */
public record Sender(String phone, String email, String channelUserId, String displayName) {

    public static Sender phone(String e164) {
        return new Sender(e164, null, null, null);
    }
}
