package vestnik.channels.spi;

/**
 * What a failed send means for the next decision. Retry, fallback and opt-out are decided on this,
 * never on a provider's message text.
 */
public enum ErrorClass {
    /** The provider or the link failed for now (5xx, timeout, no bind): the same message may be sent again later. */
    TRANSIENT,
    /** The provider asked us to slow down: send the same message again after {@code retryAfter}; not an attempt lost. */
    RATE_LIMITED,
    /** This recipient cannot be reached on this channel (bad number, blocked bot, not linked): never retry here. */
    PERMANENT_RECIPIENT,
    /** Our account or configuration is wrong (bad token, bad sender): retrying will not help until someone fixes it. */
    PERMANENT_CONFIG;

    public boolean isRetryable() {
        return this == TRANSIENT || this == RATE_LIMITED;
    }
}
