package vestnik.gateway.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What on the contact record can stop a message outright.
 *
 * @param statuses          blocking statuses in force
 * @param optOuts           the debtor's opt-outs
 * @param paymentReceivedAt when upstream last reported a payment for this creditor, or null; messages accepted
 *                          before it are cancelled (issue #8, "payment_received")
 */
public record ContactRestrictions(Set<BlockingStatus> statuses, OptOuts optOuts, Instant paymentReceivedAt) {

    private static final ContactRestrictions NONE = new ContactRestrictions(Set.of(), OptOuts.none(), null);

    public ContactRestrictions {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        optOuts = optOuts == null ? OptOuts.none() : optOuts;
    }

    public static ContactRestrictions none() {
        return NONE;
    }

    public ContactRestrictions withStatuses(BlockingStatus... s) {
        return new ContactRestrictions(Set.of(s), optOuts, paymentReceivedAt);
    }

    public ContactRestrictions withOptOuts(OptOuts o) {
        return new ContactRestrictions(statuses, o, paymentReceivedAt);
    }

    public ContactRestrictions withPaymentReceivedAt(Instant at) {
        return new ContactRestrictions(statuses, optOuts, at);
    }

    /** The statuses that block this class, in declaration order. */
    public Set<BlockingStatus> blocking(ContactClass c) {
        return Collections.unmodifiableSet(statuses.stream().filter(s -> s.blocks(c))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(BlockingStatus.class))));
    }
}
