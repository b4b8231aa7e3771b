package vestnik.loadtest.messenger;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the stub answers; every setting may change while it runs. Percentages are of all send requests, drawn
 * independently per request: first a 429, else a server error, else success.
 */
final class MessengerScript {

    volatile Duration latency = Duration.ZERO;
    volatile double rateLimitedPercent;
    volatile int retryAfterSeconds = 1;
    volatile double serverErrorPercent;
    volatile int serverErrorStatus = 502;

    Answer draw() {
        double pick = ThreadLocalRandom.current().nextDouble(100.0);
        double limited = rateLimitedPercent;
        if (pick < limited) {
            return Answer.RATE_LIMITED;
        }
        if (pick < limited + serverErrorPercent) {
            return Answer.SERVER_ERROR;
        }
        return Answer.OK;
    }

    enum Answer { OK, RATE_LIMITED, SERVER_ERROR }
}
