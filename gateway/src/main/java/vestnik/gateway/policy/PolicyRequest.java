package vestnik.gateway.policy;

import java.time.Instant;
import java.util.Objects;
import vestnik.channels.spi.ChannelType;
import vestnik.gateway.policy.zone.ZoneResolution;

/**
 * Everything one policy decision needs, read by the caller from its stores.
 *
 * @param now         the decision instant — the same one the counters' windows were computed for, so the caller
 *                    takes it once from its {@link java.time.Clock}
 * @param zone        the debtor's zone ({@link vestnik.gateway.policy.zone.ZoneResolver})
 * @param contact     blocking statuses, opt-outs, the last payment
 * @param channel     the type of the channel the send would use (opt-outs are per type; the class follows)
 * @param usage       the counters of the channel's contact class, read for {@code now}'s windows
 * @param acceptedAt  when the message was accepted, compared with the last payment; null = before any payment
 * @param expiresAt   the message's TTL end, or null for none (the search for a slot then stops after a year)
 * @param debtorSession the message is an agent's reply inside a session the debtor opened and is still in
 *                    (R-CP-7; exempt only if the tenant's policy enables it)
 */
public record PolicyRequest(Instant now, ZoneResolution zone, ContactRestrictions contact, ChannelType channel,
                            Usage usage, Instant acceptedAt, Instant expiresAt, boolean debtorSession) {

    public PolicyRequest(Instant now, ZoneResolution zone, ContactRestrictions contact, ChannelType channel,
                         Usage usage, Instant acceptedAt, Instant expiresAt) {
        this(now, zone, contact, channel, usage, acceptedAt, expiresAt, false);
    }

    public PolicyRequest {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(usage, "usage");
    }
}
