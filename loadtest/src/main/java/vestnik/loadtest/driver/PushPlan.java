package vestnik.loadtest.driver;

/**
 * How many jobs to push and how hard: at most {@code concurrency} requests in flight, and, when
 * {@code ratePerSecond} is positive, no faster than that (otherwise as fast as the gateway answers).
 */
record PushPlan(int jobs, int concurrency, double ratePerSecond) {

    PushPlan {
        if (jobs < 1 || jobs > Destinations.MAX_JOBS) {
            throw new IllegalArgumentException("jobs must be 1.." + Destinations.MAX_JOBS);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative");
        }
    }

    boolean paced() {
        return ratePerSecond > 0;
    }
}
