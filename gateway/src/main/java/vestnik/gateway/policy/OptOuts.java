package vestnik.gateway.policy;

import java.util.EnumSet;
import java.util.Set;
import vestnik.channels.spi.ChannelType;

/**
 * The debtor's opt-outs, merged from every source (STOP/СТОП replies, messenger unsubscribes, e-mail unsubscribes
 * and hard bounces, suppressions posted by upstream): all channels, or some channel types. The caller folds
 * address-level suppressions in (an opt-out of one phone number suppresses the channel types that send to it).
 */
public record OptOuts(boolean global, Set<ChannelType> channels) {

    private static final OptOuts NONE = new OptOuts(false, Set.of());

    public OptOuts {
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
    }

    public static OptOuts none() {
        return NONE;
    }

    public static OptOuts everything() {
        return new OptOuts(true, Set.of());
    }

    public static OptOuts of(ChannelType... types) {
        return new OptOuts(false, Set.of(types));
    }

    public boolean covers(ChannelType type) {
        return global || channels.contains(type);
    }
}
