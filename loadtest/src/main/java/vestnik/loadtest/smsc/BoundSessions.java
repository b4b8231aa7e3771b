package vestnik.loadtest.smsc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.session.SMPPServerSession;

/** The ESME sessions currently bound, for MO traffic, receipts whose own session is gone, and drops. */
final class BoundSessions {

    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();

    void add(SMPPServerSession session) {
        sessions.add(session);
    }

    void remove(SMPPServerSession session) {
        sessions.remove(session);
    }

    int count() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** The given session if it can still receive, else any other bound receiver (round robin), else null. */
    SMPPServerSession receiverFor(SMPPServerSession preferred) {
        if (preferred != null && preferred.getSessionState().isReceivable()) {
            return preferred;
        }
        List<SMPPServerSession> receivers = new ArrayList<>();
        for (SMPPServerSession s : sessions) {
            if (s.getSessionState().isReceivable()) {
                receivers.add(s);
            }
        }
        if (receivers.isEmpty()) {
            return null;
        }
        return receivers.get(Math.floorMod(next.getAndIncrement(), receivers.size()));
    }

    /** Closes every connection without an unbind, as a crashing SMSC or a cut link would. */
    void dropAll() {
        for (SMPPServerSession s : new ArrayList<>(sessions)) {
            s.close();
            sessions.remove(s);
        }
    }
}
