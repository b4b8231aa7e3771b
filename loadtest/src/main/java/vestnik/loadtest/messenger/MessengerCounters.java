package vestnik.loadtest.messenger;

import java.util.concurrent.atomic.LongAdder;

/** What the stub answered, by outcome and by API; cheap under contention. */
final class MessengerCounters {
    final LongAdder telegram = new LongAdder();
    final LongAdder whatsapp = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder badRequests = new LongAdder();

    void reset() {
        telegram.reset();
        whatsapp.reset();
        accepted.reset();
        rateLimited.reset();
        serverErrors.reset();
        badRequests.reset();
    }
}
