package vestnik.gateway.policy.numbering;

/**
 * One row of the numbering plan: the numbers {@code +7 <code> <from>} … {@code +7 <code> <to>}.
 *
 * @param code         the ABC (geographic) or DEF (mobile) code, three digits
 * @param from         first subscriber number in the range, seven digits
 * @param to           last subscriber number in the range, seven digits
 * @param capacity     the capacity column as given (normally {@code to - from + 1})
 * @param operator     the operator the range was allocated to (not necessarily today's: numbers are ported)
 * @param region       the "Регион" column, e.g. {@code "Республика Саха /Якутия/"}; {@code "-"} in some rows
 * @param garTerritory the "Территория ГАР" column of the 8-column layout ("settlement|…|subject"), else empty
 * @param inn          the operator's INN, when the layout has it, else empty
 */
public record NumberRange(int code, int from, int to, long capacity, String operator, String region,
                          String garTerritory, String inn) {

    static final long SUBSCRIBER_SPAN = 10_000_000L;

    public NumberRange {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("code must have three digits, got " + code);
        }
        if (from < 0 || to >= SUBSCRIBER_SPAN || from > to) {
            throw new IllegalArgumentException("bad range " + from + ".." + to);
        }
    }

    /** The national significant number of the first number, e.g. 9140000000. */
    public long first() {
        return code * SUBSCRIBER_SPAN + from;
    }

    /** The national significant number of the last number. */
    public long last() {
        return code * SUBSCRIBER_SPAN + to;
    }

    public boolean contains(long nationalNumber) {
        return nationalNumber >= first() && nationalNumber <= last();
    }
}
