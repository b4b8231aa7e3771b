package vestnik.loadtest.driver;

/**
 * Each job goes to its own phone, {@code +7916} followed by the job's index in seven digits, so the destination the
 * SMSC sees names the job: the driver times a message's submit and receipt without asking the gateway for ids.
 */
final class Destinations {

    static final int MAX_JOBS = 10_000_000;
    private static final String PREFIX = "7916";
    private static final int DIGITS = 7;

    private Destinations() {
    }

    /** The E.164 phone of job {@code job} (0-based). */
    static String phone(int job) {
        if (job < 0 || job >= MAX_JOBS) {
            throw new IllegalArgumentException("job index out of range: " + job);
        }
        StringBuilder sb = new StringBuilder(1 + PREFIX.length() + DIGITS).append('+').append(PREFIX);
        String n = Integer.toString(job);
        sb.append("0".repeat(DIGITS - n.length())).append(n);
        return sb.toString();
    }

    /** The job a destination_addr (with or without '+') belongs to, or -1 when it is not one of the driver's. */
    static int job(String destination) {
        if (destination == null) {
            return -1;
        }
        int start = destination.startsWith("+") ? 1 : 0;
        if (destination.length() - start != PREFIX.length() + DIGITS
                || !destination.startsWith(PREFIX, start)) {
            return -1;
        }
        int job = 0;
        for (int i = start + PREFIX.length(); i < destination.length(); i++) {
            char c = destination.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            job = job * 10 + (c - '0');
        }
        return job;
    }
}
