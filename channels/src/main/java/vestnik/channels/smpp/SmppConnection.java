package vestnik.channels.smpp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bind_transceiver to the SMSC, kept up by a supervisor thread of its own: bind, wait for the session to
 * close (a drop, a failed enquire_link, an unbind from the SMSC), pause with exponential backoff, bind again.
 * jSMPP sends enquire_link after {@code enquireLinkInterval} of silence and closes the session when it goes
 * unanswered, which the supervisor sees as a drop.
 *
 * <p>The window is a semaphore of {@code window} permits: a caller takes one before {@link #submit} and gives it
 * back after, so no more submit_sm are ever unanswered on this bind than the SMSC allows.
 */
final class SmppConnection {

    private static final Logger log = LoggerFactory.getLogger(SmppConnection.class);

    private final String name;
    private final SmppConfig config;
    private final MessageReceiverListener inbound;
    private final Consumer<SmppConnection> onBound;
    private final Semaphore window;
    private final ReconnectBackoff backoff;
    private volatile SMPPSession session;
    private volatile boolean stopped;
    private Thread supervisor;

    SmppConnection(String name, SmppConfig config, MessageReceiverListener inbound, Consumer<SmppConnection> onBound) {
        this.name = name;
        this.config = config;
        this.inbound = inbound;
        this.onBound = onBound;
        this.window = new Semaphore(config.window());
        this.backoff = new ReconnectBackoff(config.reconnectMin(), config.reconnectMax());
    }

    synchronized void start() {
        if (supervisor != null) {
            throw new IllegalStateException(name + " already started");
        }
        supervisor = new Thread(this::supervise, "smpp-" + name);
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /** Unbinds cleanly (unbind / unbind_resp) and stops re-binding; blocks up to the transaction timeout. */
    void stop() {
        stopped = true;
        SMPPSession current = session;
        if (current != null) {
            current.unbindAndClose();
        }
        Thread t;
        synchronized (this) {
            t = supervisor;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(config.transactionTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String name() {
        return name;
    }

    boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    /** Takes a window slot if this bind is up and has one free. */
    boolean tryAcquire() {
        return isBound() && window.tryAcquire();
    }

    /** Waits up to {@code timeout} for a window slot on this bind. */
    boolean tryAcquire(Duration timeout) throws InterruptedException {
        return isBound() && window.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void release() {
        window.release();
    }

    int windowInUse() {
        return config.window() - window.availablePermits();
    }

    /**
     * Sends one submit_sm and waits for its response (jSMPP is synchronous). The caller holds a window slot.
     * A timeout or a link that drops while the submit is out yields {@link PartOutcome.Unknown}: the SMSC may
     * have taken it, and sending it again is the gateway's at-least-once choice, never a silent loss.
     */
    PartOutcome submit(SubmitSmFields f) {
        SMPPSession current = session;
        if (current == null || !current.getSessionState().isTransmittable()) {
            return new PartOutcome.NotSent("bind " + name + " is down");
        }
        try {
            SubmitSmResult result = current.submitShortMessage(f.serviceType(),
                    TypeOfNumber.valueOf((byte) f.sourceAddrTon()), NumberingPlanIndicator.valueOf((byte) f.sourceAddrNpi()),
                    f.sourceAddr(), TypeOfNumber.valueOf((byte) f.destAddrTon()),
                    NumberingPlanIndicator.valueOf((byte) f.destAddrNpi()), f.destinationAddr(),
                    new ESMClass(f.esmClass()), (byte) f.protocolId(), (byte) f.priorityFlag(),
                    f.scheduleDeliveryTime(), f.validityPeriod(), new RegisteredDelivery(f.registeredDelivery()),
                    (byte) f.replaceIfPresentFlag(), new RawDataCoding((byte) f.dataCoding()),
                    (byte) f.smDefaultMsgId(), f.shortMessage());
            String id = result.getMessageId();
            if (id == null || id.isBlank()) {
                // accepted, yet nothing to match receipts against: we never invent an id
                return new PartOutcome.Unknown("submit_sm_resp without a message_id");
            }
            return new PartOutcome.Accepted(id);
        } catch (NegativeResponseException e) {
            if (e.getCommandStatus() == SMPPConstant.STAT_ESME_RINVBNDSTS) {
                // the SMSC no longer sees us bound: start over with a fresh bind
                current.close();
            }
            return new PartOutcome.Refused(e.getCommandStatus());
        } catch (ResponseTimeoutException e) {
            return new PartOutcome.Unknown("no submit_sm_resp within " + config.transactionTimeout().toMillis() + " ms");
        } catch (InvalidResponseException e) {
            return new PartOutcome.Unknown("invalid submit_sm_resp: " + e.getMessage());
        } catch (PDUException e) {
            return new PartOutcome.Invalid(e.getMessage());
        } catch (IOException e) {
            // jSMPP throws this before writing (not bound) or when the write itself fails and it closes the link
            return new PartOutcome.NotSent("bind " + name + ": " + e.getMessage());
        }
    }

    private void supervise() {
        while (!stopped) {
            SMPPSession candidate = newSession();
            CountDownLatch closed = new CountDownLatch(1);
            candidate.addSessionStateListener((newState, oldState, source) -> {
                if (newState == SessionState.CLOSED) {
                    closed.countDown();
                }
            });
            try {
                candidate.connectAndBind(config.host(), config.port(), bindParameter(),
                        config.bindTimeout().toMillis());
                session = candidate;
                if (stopped) {
                    candidate.unbindAndClose();
                    break;
                }
                backoff.reset();
                log.info("SMPP bind {} up to {}:{} as {}", name, config.host(), config.port(), config.systemId());
                onBound.accept(this);
                awaitClose(closed);
                session = null;
                if (!stopped) {
                    log.warn("SMPP bind {} to {}:{} lost; re-binding", name, config.host(), config.port());
                }
            } catch (IOException e) {
                candidate.close();
                log.warn("SMPP bind {} to {}:{} failed: {}", name, config.host(), config.port(), e.getMessage());
            }
            pause();
        }
        session = null;
    }

    /** Waits until the session closes; stop() interrupts after closing it, so the wait ends either way. */
    private void awaitClose(CountDownLatch closed) {
        while (closed.getCount() > 0) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                if (stopped) {
                    return;
                }
            }
        }
    }

    private void pause() {
        if (stopped) {
            return;
        }
        try {
            Thread.sleep(backoff.next().toMillis());
        } catch (InterruptedException e) {
            // stop() interrupts to end the wait; the loop re-checks
        }
    }

    private SMPPSession newSession() {
        SMPPSession s = new SMPPSession();
        s.setEnquireLinkTimer((int) Math.min(Integer.MAX_VALUE, config.enquireLinkInterval().toMillis()));
        s.setTransactionTimer(config.transactionTimeout().toMillis());
        // receipts wait for the gateway's store before their deliver_sm_resp; one thread would serialise them
        s.setPduProcessorDegree(config.pduProcessorDegree());
        s.setQueueCapacity(Math.max(1000, config.window() * 4));
        s.setMessageReceiverListener(inbound);
        return s;
    }

    private BindParameter bindParameter() {
        return new BindParameter(BindType.BIND_TRX, config.systemId(), config.password(), config.systemType(),
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null, InterfaceVersion.IF_34);
    }
}
