package vestnik.gateway.policy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Statuses on the debtor record that stop contact of some classes, applied before every send (R-CP-8). Post and
 * personal meetings are not classes the gateway sends, so only MESSAGE and CALL appear here.
 */
public enum BlockingStatus {
    /**
     * The debtor's statement refusing interaction (230-FZ art. 8; regulation.md §1.4 "stops calls/meetings and
     * messages", R-CP-8 "blocks CALL+MESSAGE, leaves POST").
     */
    REFUSED_INTERACTION(ContactClass.CALL, ContactClass.MESSAGE),
    /**
     * "Interact only via my representative" (230-FZ art. 8; regulation.md §1.4: calls and messages go only to the
     * advocate). Blocks both classes to the debtor's own contacts; the representative is a contact of its own.
     */
    REPRESENTATIVE_ONLY(ContactClass.CALL, ContactClass.MESSAGE),
    /** Restructuring or bankruptcy (regulation.md §1.4: no direct interaction, i.e. calls and meetings; R-CP-8). */
    BANKRUPTCY(ContactClass.CALL),
    /** Declared incapable (regulation.md §1.4, R-CP-8: calls and meetings). */
    INCAPACITATED(ContactClass.CALL),
    /** In in-patient treatment (regulation.md §1.4, R-CP-8: calls and meetings). */
    INPATIENT(ContactClass.CALL),
    /** Disability group I (regulation.md §1.4, R-CP-8: calls and meetings). */
    DISABILITY_GROUP_1(ContactClass.CALL),
    /** Under 18 (regulation.md §1.4, R-CP-8: calls and meetings). */
    MINOR(ContactClass.CALL),
    /** Product status (R-CP-8): all collection traffic stops. */
    DECEASED(ContactClass.CALL, ContactClass.MESSAGE),
    /** Product status (R-CP-8): the debt is disputed; all collection traffic stops until it is resolved. */
    DISPUTE_PENDING(ContactClass.CALL, ContactClass.MESSAGE);

    private final Set<ContactClass> blocks;

    BlockingStatus(ContactClass first, ContactClass... rest) {
        this.blocks = Set.copyOf(EnumSet.of(first, rest));
    }

    public Set<ContactClass> blockedClasses() {
        return blocks;
    }

    public boolean blocks(ContactClass c) {
        return blocks.contains(c);
    }

    /** {@code refused_interaction}, as the contacts API and the ledger write it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BlockingStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equalsIgnoreCase(name)).findFirst();
    }
}
