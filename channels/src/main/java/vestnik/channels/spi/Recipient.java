package vestnik.channels.spi;

/**
 * Whom a message goes to, already resolved by the gateway: {@code phone} in E.164 (with '+'),
 * {@code email}, and {@code channelUserId} for messengers that address users by their own ids
 * (a Telegram chat id, a Viber user id), found through the contact's binding. Any may be null.
 */
public record Recipient(String phone, String email, String channelUserId, String contactId) {

    public static Recipient phone(String e164) {
        return new Recipient(e164, null, null, null);
    }
}
