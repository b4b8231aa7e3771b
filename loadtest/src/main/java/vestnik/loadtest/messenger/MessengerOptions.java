package vestnik.loadtest.messenger;

import java.time.Duration;

/** Command-line flags of {@link MessengerStub#main}. */
record MessengerOptions(MessengerStub.Builder builder, boolean help) {

    static final String USAGE = """
            Usage: java -cp vestnik-loadtest.jar vestnik.loadtest.messenger.MessengerStub [flags]
              --host ADDR                  listen address (default 127.0.0.1)
              --port N                     TCP port (default 8081; 0 = any free port)
              --latency-ms N               answer each send after N ms (default 0)
              --rate-limited-percent P     answer P % of sends 429 (default 0)
              --retry-after N              retry_after seconds in a Telegram 429 (default 1)
              --server-error-percent P     answer P % of sends with a 5xx (default 0)
              --server-error-status N      which 5xx (default 502)
            """;

    static MessengerOptions parse(String[] args) {
        MessengerStub.Builder b = MessengerStub.builder().port(8081);
        boolean help = false;
        double limited = 0;
        int retryAfter = 1;
        double errors = 0;
        int errorStatus = 502;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--help", "-h" -> help = true;
                case "--host" -> b.host(value(args, ++i, flag));
                case "--port" -> b.port((int) number(args, ++i, flag));
                case "--latency-ms" -> b.latency(Duration.ofMillis((long) number(args, ++i, flag)));
                case "--rate-limited-percent" -> limited = number(args, ++i, flag);
                case "--retry-after" -> retryAfter = (int) number(args, ++i, flag);
                case "--server-error-percent" -> errors = number(args, ++i, flag);
                case "--server-error-status" -> errorStatus = (int) number(args, ++i, flag);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (errorStatus < 500 || errorStatus > 599) {
            throw new IllegalArgumentException("--server-error-status must be 5xx");
        }
        b.rateLimited(limited, retryAfter).serverErrors(errors, errorStatus);
        return new MessengerOptions(b, help);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static double number(String[] args, int i, String flag) {
        try {
            return Double.parseDouble(value(args, i, flag));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number");
        }
    }
}
