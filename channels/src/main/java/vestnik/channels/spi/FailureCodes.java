package vestnik.channels.spi;

/**
 * Failure codes with one meaning on every channel; the gateway acts on some of them (an opt-out is
 * recorded for {@link #RECIPIENT_OPTED_OUT}, a cascade moves on for {@link #RECIPIENT_NOT_LINKED}).
 */
public final class FailureCodes {

    /** The messenger knows no user bound to this contact (Telegram, Viber, MAX address users by their own ids). */
    public static final String RECIPIENT_NOT_LINKED = "recipient_not_linked";
    /** The provider says the user blocked the bot or unsubscribed: also an opt-out for this channel. */
    public static final String RECIPIENT_OPTED_OUT = "recipient_opted_out";
    /** The address does not exist or cannot receive on this channel (bad number, chat not found). */
    public static final String INVALID_RECIPIENT = "invalid_recipient";
    /** WhatsApp: free text outside the 24-hour customer-service window. */
    public static final String WINDOW_CLOSED = "window_closed";
    /** The provider asked us to slow down. */
    public static final String THROTTLED = "throttled";
    /** No connection to the provider right now (not bound, refused, timed out). */
    public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";
    /** The provider failed on its side (5xx, system error). */
    public static final String PROVIDER_ERROR = "provider_error";
    /** Our credentials or account settings were refused (bad token, bad sender). */
    public static final String BAD_CONFIGURATION = "bad_configuration";
    /** The provider refused the content (too long, bad encoding, invalid template). */
    public static final String INVALID_CONTENT = "invalid_content";
    /** The provider rejected the message for a reason it did not classify. */
    public static final String REJECTED_BY_PROVIDER = "rejected_by_provider";
    public static final String TEXT_EMPTY = "text_empty";
    public static final String TEXT_TOO_LONG = "text_too_long";

    private FailureCodes() {
    }
}
