package vestnik.channels.spi;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The life of one outbound message. Transitions are an explicit table rather than a rank comparison
 * because two moves are not "forward" in rank yet legal: a retry puts a {@code sending} message back in
 * the queue, and WhatsApp may report {@code read} before {@code delivered} (the late {@code delivered}
 * is then a no-op). Everything a provider reports can only move a message forward, so late and
 * duplicate receipts never undo a later state.
 */
public enum MessageStatus {
    SCHEDULED,
    QUEUED,
    SENDING,
    SENT,
    DELIVERED,
    READ,
    FAILED,
    EXPIRED,
    CANCELLED,
    REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MessageStatus> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.wireName().equalsIgnoreCase(name.trim())).findFirst();
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }

    /** True for the states in which the provider has the message: nothing may cancel or resend it. */
    public boolean isHandedOver() {
        return this == SENT || this == DELIVERED || this == READ;
    }

    public boolean canMoveTo(MessageStatus next) {
        return successors().contains(next);
    }

    public Set<MessageStatus> successors() {
        switch (this) {
            case SCHEDULED:
                return EnumSet.of(QUEUED, CANCELLED, EXPIRED, REJECTED, FAILED);
            case QUEUED:
                return EnumSet.of(SCHEDULED, SENDING, CANCELLED, EXPIRED, REJECTED, FAILED);
            case SENDING:
                // back to QUEUED/SCHEDULED is a retry of a send the provider did not take
                return EnumSet.of(QUEUED, SCHEDULED, SENT, DELIVERED, READ, FAILED, EXPIRED, REJECTED);
            case SENT:
                return EnumSet.of(DELIVERED, READ, FAILED, EXPIRED);
            case DELIVERED:
                return EnumSet.of(READ);
            default:
                return EnumSet.noneOf(MessageStatus.class);
        }
    }

    /** Every status from which {@code this} may be reached; handed to Lua so Redis enforces the same table. */
    public Set<MessageStatus> predecessors() {
        EnumSet<MessageStatus> from = EnumSet.noneOf(MessageStatus.class);
        for (MessageStatus s : values()) {
            if (s.canMoveTo(this)) {
                from.add(s);
            }
        }
        return from;
    }
}
