package vestnik.gateway.policy.numbering;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Russian numbering plan as a sorted range index: phone number → the range it was allocated from, whose region
 * places the debtor when nothing better does (mobile number portability is only possible inside one subject, so
 * the region stays right even when the operator column is stale; regulation.md §5.2–5.3).
 *
 * <p>Built from one or more range files with {@link #builder()}; immutable afterwards, so a new upload is read
 * into a new plan and swapped in whole. Lookups are a binary search over about 10^5 ranges.
 */
public final class NumberingPlan {

    private static final NumberingPlan EMPTY = new NumberingPlan(new NumberRange[0], List.of(), 0);

    private final NumberRange[] ranges;
    private final long[] firsts;
    private final List<PlanFileReport> reports;
    private final int overlapsDropped;

    private NumberingPlan(NumberRange[] ranges, List<PlanFileReport> reports, int overlapsDropped) {
        this.ranges = ranges;
        this.firsts = Arrays.stream(ranges).mapToLong(NumberRange::first).toArray();
        this.reports = List.copyOf(reports);
        this.overlapsDropped = overlapsDropped;
    }

    /** A plan that places no number: what the gateway runs with before the first upload. */
    public static NumberingPlan empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The range a Russian number belongs to. Accepts E.164 ({@code +79141234567}) and the bare eleven digits
     * ({@code 79141234567}); anything else (foreign numbers included) is simply not found.
     */
    public Optional<NumberRange> lookup(String phone) {
        long nsn = nationalNumber(phone);
        if (nsn < 0) {
            return Optional.empty();
        }
        int i = Arrays.binarySearch(firsts, nsn);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0) {
            return Optional.empty();
        }
        NumberRange r = ranges[i];
        return r.contains(nsn) ? Optional.of(r) : Optional.empty();
    }

    static long nationalNumber(String phone) {
        if (phone == null) {
            return -1;
        }
        String p = phone.trim();
        if (p.startsWith("+")) {
            p = p.substring(1);
        }
        if (p.length() != 11 || p.charAt(0) != '7') {
            return -1;
        }
        long v = 0;
        for (int i = 1; i < 11; i++) {
            char c = p.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public int size() {
        return ranges.length;
    }

    /** One report per file read, in the order they were added. */
    public List<PlanFileReport> reports() {
        return reports;
    }

    /**
     * Ranges dropped because they overlapped a range that starts before them (at an equal start, the one from the
     * file added first is kept). The register should have none; a count above zero is worth a look.
     */
    public int overlapsDropped() {
        return overlapsDropped;
    }

    /** Collects range files; {@link #build()} sorts and indexes them. */
    public static final class Builder {
        private final List<NumberRange> ranges = new ArrayList<>();
        private final List<PlanFileReport> reports = new ArrayList<>();

        private Builder() {
        }

        /**
         * Reads one range file.
         *
         * @throws NumberingPlanFormatException when the header is not a range-file header or no row can be read
         */
        public Builder add(String source, InputStream in) throws IOException {
            return add(source, in.readAllBytes());
        }

        /** Reads one range file given as bytes (as uploaded). */
        public Builder add(String source, byte[] bytes) {
            PlanFileReader.Result r = PlanFileReader.read(source, bytes);
            ranges.addAll(r.ranges());
            reports.add(r.report());
            return this;
        }

        public NumberingPlan build() {
            List<NumberRange> sorted = new ArrayList<>(ranges);
            // A stable sort keeps the earlier file's range first among equal starts.
            sorted.sort(Comparator.comparingLong(NumberRange::first));
            List<NumberRange> kept = new ArrayList<>(sorted.size());
            int dropped = 0;
            for (NumberRange r : sorted) {
                if (!kept.isEmpty() && kept.get(kept.size() - 1).last() >= r.first()) {
                    dropped++;
                    continue;
                }
                kept.add(r);
            }
            return new NumberingPlan(kept.toArray(NumberRange[]::new), reports, dropped);
        }
    }
}
