package vestnik.loadtest.smsc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * An SMSC on a TCP port, built on jSMPP's server side, for the channel's tests, the gateway's end-to-end tests and
 * the load test. Everything about it can be scripted while it runs (throttling, refused destinations, receipt
 * outcomes and timing, dropped links, MO traffic), and tests observe what it received and how the ESME answered.
 * It does no per-message logging or sleeping unless a delay is scripted, and serves each bind with its own pool of
 * PDU threads, so it keeps up with well over 10,000 submit_sm per second on loopback.
 *
 * <pre>{@code
 * try (SimulatedSmsc smsc = SimulatedSmsc.builder().credentials("gw", "secret").receiptDelay(Duration.ofMillis(50)).start()) {
 *     int port = smsc.port();
 *     ...
 *     assertThat(smsc.submits()).hasSize(1);
 * }
 * }</pre>
 */
public final class SimulatedSmsc implements AutoCloseable {

    private static final String SYSTEM_ID = "VESTSIM";

    private final SmscScript script;
    private final SmscRecorder recorder = new SmscRecorder();
    private final BoundSessions sessions = new BoundSessions();
    private final ServerSocket serverSocket;
    private final int pduProcessorDegree;
    private final int queueCapacity;
    private final Duration deliverTimeout;
    private final ScheduledExecutorService receiptPool;
    private final ExecutorService control;
    private final Deliverer deliverer;
    private final SubmitHandler handler;
    private final Thread acceptor;
    private volatile boolean closed;

    private SimulatedSmsc(Builder b) throws IOException {
        this.script = b.script;
        this.pduProcessorDegree = b.pduProcessorDegree;
        this.queueCapacity = b.queueCapacity;
        this.deliverTimeout = b.deliverTimeout;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(b.host), b.port), 200);
        ScheduledThreadPoolExecutor receipts = new ScheduledThreadPoolExecutor(b.receiptThreads, daemon("smsc-receipt"));
        receipts.setRemoveOnCancelPolicy(true);
        this.receiptPool = receipts;
        this.control = Executors.newCachedThreadPool(daemon("smsc-control"));
        this.deliverer = new Deliverer(script, recorder, sessions, receipts);
        long firstId = 0x10000000L + ThreadLocalRandom.current().nextInt(0x0FFFFFFF);
        this.handler = new SubmitHandler(script, recorder, deliverer, receiptPool, control, sessions::dropAll, firstId);
        this.acceptor = daemon("smsc-accept").newThread(this::acceptLoop);
        acceptor.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The TCP port it listens on (the one the OS chose when built with port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    // ---- runtime scripting ---------------------------------------------------------------------------------

    /** Binds must present these; a wrong system_id is refused with 0x0F, a wrong password with 0x0E. */
    public SimulatedSmsc credentials(String systemId, String password) {
        script.systemId = systemId;
        script.password = password;
        return this;
    }

    /** When false every bind is refused with ESME_RBINDFAIL (0x0D): the SMSC is "down" but reachable. */
    public SimulatedSmsc acceptBinds(boolean accept) {
        script.acceptBinds = accept;
        return this;
    }

    public SimulatedSmsc messageIdFormat(MessageIdFormat format) {
        script.idFormat = Objects.requireNonNull(format);
        return this;
    }

    public SimulatedSmsc receipts(boolean on) {
        script.receipts = on;
        return this;
    }

    public SimulatedSmsc receiptDelay(Duration delay) {
        script.receiptDelay = Objects.requireNonNull(delay);
        return this;
    }

    public SimulatedSmsc receiptCarrier(ReceiptCarrier carrier) {
        script.carrier = Objects.requireNonNull(carrier);
        return this;
    }

    /** When true the receipt is delivered (and acknowledged) before submit_sm_resp is sent. */
    public SimulatedSmsc receiptBeforeResponse(boolean on) {
        script.receiptBeforeResponse = on;
        return this;
    }

    /** The outcome every receipt reports unless a destination or a mix says otherwise. */
    public SimulatedSmsc defaultOutcome(ReceiptOutcome outcome) {
        script.defaultOutcome = Objects.requireNonNull(outcome);
        return this;
    }

    /** The outcome of messages to one destination (as written in destination_addr, without '+'). */
    public SimulatedSmsc outcomeFor(String destination, ReceiptOutcome outcome) {
        script.outcomeByDestination.put(destination, outcome);
        return this;
    }

    /** A random mix by weight, e.g. {@code Map.of(DELIVRD, 90, UNDELIV, 10)}; an empty map turns it off. */
    public SimulatedSmsc outcomeMix(Map<ReceiptOutcome, Integer> weights) {
        script.outcomeMix(weights);
        return this;
    }

    /** Refuses every {@code n}th submit_sm with ESME_RTHROTTLED (0x58); 0 turns it off. */
    public SimulatedSmsc throttleEvery(int n) {
        return throttleEvery(n, SMPPConstant.STAT_ESME_RTHROTTLED);
    }

    /** Refuses every {@code n}th submit_sm with {@code commandStatus} (0x58 or 0x14 ESME_RMSGQFUL). */
    public SimulatedSmsc throttleEvery(int n, int commandStatus) {
        script.throttleStatus = commandStatus;
        script.throttleEvery = n;
        return this;
    }

    /**
     * Accepts the next {@code accepted} submits, then refuses every later one with {@code commandStatus} until
     * called again ({@code accepted} negative turns it off): an SMSC that starts throttling in the middle of a
     * concatenated message.
     */
    public SimulatedSmsc refuseSubmitsAfter(int accepted, int commandStatus) {
        handler.refuseStatus = commandStatus;
        handler.refuseAfter.set(accepted);
        return this;
    }

    /** Refuses submits to this destination with ESME_RINVDSTADR (0x0B). */
    public SimulatedSmsc rejectDestination(String destination) {
        return rejectDestination(destination, SMPPConstant.STAT_ESME_RINVDSTADR);
    }

    public SimulatedSmsc rejectDestination(String destination, int commandStatus) {
        script.rejectByDestination.put(destination, commandStatus);
        return this;
    }

    /** How long each submit_sm waits before its response: a slow SMSC, which also lets windows fill up. */
    public SimulatedSmsc submitDelay(Duration delay) {
        script.submitDelay = Objects.requireNonNull(delay);
        return this;
    }

    /** Whether every submit and deliver_sm response is kept for {@link #submits()}; off for long load runs. */
    public SimulatedSmsc recording(boolean on) {
        script.recording = on;
        return this;
    }

    /** Who hears each accepted submit and acknowledged receipt (a load driver timing messages); see {@link SmscObserver}. */
    public SimulatedSmsc observer(SmscObserver observer) {
        script.observer = Objects.requireNonNull(observer);
        return this;
    }

    /** Closes every connection at once, without unbind, as a crash or a cut link would. */
    public void dropConnections() {
        sessions.dropAll();
    }

    /** Closes every connection right after the next {@code submits} submit_sm have been answered. */
    public void dropConnectionsAfter(int submits) {
        if (submits <= 0) {
            throw new IllegalArgumentException("submits must be positive");
        }
        handler.dropAfter.set(submits);
    }

    /**
     * Sends an MO message from a handset over a bound session and waits for deliver_sm_resp. GSM7 (data_coding 0)
     * when every character has the same code in GSM 03.38 and ASCII, else UCS2.
     *
     * @return the deliver_sm_resp command_status, or {@link DeliverResponse#NO_RESPONSE}
     */
    public int sendMo(String from, String to, String text) {
        return deliverer.sendMo(from, to, text);
    }

    /** A concatenated MO whose parts (1-based) go in {@code partOrder}; all in order when none is given. */
    public List<Integer> sendConcatenatedMo(String from, String to, String text, int... partOrder) {
        return deliverer.sendConcatenatedMo(from, to, text, partOrder);
    }

    // ---- observation ---------------------------------------------------------------------------------------

    /** Every submit_sm received, in arrival order, with what was answered (while recording). */
    public List<ReceivedSubmit> submits() {
        return recorder.submits();
    }

    /** The submits that were accepted with a message id. */
    public List<ReceivedSubmit> acceptedSubmits() {
        return recorder.submits().stream().filter(ReceivedSubmit::accepted).toList();
    }

    public long submitCount() {
        return recorder.submitCount.get();
    }

    public long acceptedCount() {
        return recorder.acceptedCount.get();
    }

    /** The responses to every deliver_sm sent (receipts and MO), in order (while recording). */
    public List<DeliverResponse> deliverResponses() {
        return recorder.deliverResponses();
    }

    public long receiptsAcknowledged() {
        return recorder.receiptsAcknowledged.get();
    }

    /** Successful binds since start. */
    public int bindCount() {
        return recorder.bindCount.get();
    }

    public int rejectedBinds() {
        return recorder.rejectedBinds.get();
    }

    /** Sessions bound right now. */
    public int boundSessions() {
        return sessions.count();
    }

    /** Most submit_sm seen at once without their response sent yet. */
    public int maxConcurrentSubmits() {
        return recorder.maxInFlight.get();
    }

    /** Clears the recorded submits, responses and counters (not the binds). */
    public void resetObservations() {
        recorder.reset();
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sessions.dropAll();
        receiptPool.shutdownNow();
        control.shutdownNow();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            control.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        SMPPServerSession session;
        try {
            socket.setTcpNoDelay(true);
            session = new SMPPServerSession(new SocketConnection(socket), (newState, oldState, source) -> {
                if (newState == SessionState.CLOSED || newState == SessionState.UNBOUND) {
                    sessions.remove((SMPPServerSession) source);
                }
            }, handler, handler, pduProcessorDegree, queueCapacity);
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        session.setTransactionTimer(deliverTimeout.toMillis());
        try {
            BindRequest bind = session.waitForBind(5000);
            int refusal = refusal(bind);
            if (refusal != 0) {
                recorder.rejectedBinds.incrementAndGet();
                bind.reject(refusal);
                // as real SMSCs do, drop the link after a failed bind; not at once, or the refusal may be lost
                receiptPool.schedule(session::close, 1, TimeUnit.SECONDS);
                return;
            }
            sessions.add(session);
            bind.accept(SYSTEM_ID, InterfaceVersion.IF_34);
            recorder.bindCount.incrementAndGet();
        } catch (Exception e) {
            sessions.remove(session);
            session.close();
        }
    }

    private int refusal(BindRequest bind) {
        if (!script.acceptBinds) {
            return SMPPConstant.STAT_ESME_RBINDFAIL;
        }
        if (script.systemId != null && !script.systemId.equals(bind.getSystemId())) {
            return SMPPConstant.STAT_ESME_RINVSYSID;
        }
        if (script.password != null && !script.password.equals(bind.getPassword())) {
            return SMPPConstant.STAT_ESME_RINVPASWD;
        }
        return 0;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs it standalone: {@code --port 2775 --receipt-delay-ms 100}; see {@link SmscOptions} for all flags. */
    public static void main(String[] args) throws Exception {
        SmscOptions options;
        try {
            options = SmscOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SmscOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(SmscOptions.USAGE);
            return;
        }
        SimulatedSmsc smsc = options.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(smsc::close, "smsc-shutdown"));
        System.out.println("SimulatedSmsc listening on port " + smsc.port());
        while (true) {
            TimeUnit.SECONDS.sleep(10);
            System.out.printf("submits=%d accepted=%d receiptsAcked=%d bound=%d%n", smsc.submitCount(),
                    smsc.acceptedCount(), smsc.receiptsAcknowledged(), smsc.boundSessions());
        }
    }

    /** Settings fixed at start, plus the initial script. */
    public static final class Builder {
        private final SmscScript script = new SmscScript();
        private String host = "127.0.0.1";
        private int port;
        private int pduProcessorDegree = 32;
        private int queueCapacity = 10_000;
        private int receiptThreads = 16;
        private Duration deliverTimeout = Duration.ofSeconds(15);

        private Builder() {
        }

        /** 0 (the default) lets the OS choose a free port; {@link SimulatedSmsc#port()} tells which. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to listen on; 127.0.0.1 by default, 0.0.0.0 to serve other hosts. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder credentials(String systemId, String password) {
            script.systemId = systemId;
            script.password = password;
            return this;
        }

        public Builder messageIdFormat(MessageIdFormat format) {
            script.idFormat = Objects.requireNonNull(format);
            return this;
        }

        public Builder receipts(boolean on) {
            script.receipts = on;
            return this;
        }

        public Builder receiptDelay(Duration delay) {
            script.receiptDelay = Objects.requireNonNull(delay);
            return this;
        }

        public Builder receiptCarrier(ReceiptCarrier carrier) {
            script.carrier = Objects.requireNonNull(carrier);
            return this;
        }

        public Builder receiptBeforeResponse(boolean on) {
            script.receiptBeforeResponse = on;
            return this;
        }

        public Builder defaultOutcome(ReceiptOutcome outcome) {
            script.defaultOutcome = Objects.requireNonNull(outcome);
            return this;
        }

        public Builder outcomeFor(String destination, ReceiptOutcome outcome) {
            script.outcomeByDestination.put(destination, outcome);
            return this;
        }

        public Builder outcomeMix(Map<ReceiptOutcome, Integer> weights) {
            script.outcomeMix(weights);
            return this;
        }

        public Builder throttleEvery(int n, int commandStatus) {
            script.throttleStatus = commandStatus;
            script.throttleEvery = n;
            return this;
        }

        public Builder rejectDestination(String destination, int commandStatus) {
            script.rejectByDestination.put(destination, commandStatus);
            return this;
        }

        public Builder submitDelay(Duration delay) {
            script.submitDelay = Objects.requireNonNull(delay);
            return this;
        }

        public Builder recording(boolean on) {
            script.recording = on;
            return this;
        }

        public Builder observer(SmscObserver observer) {
            script.observer = Objects.requireNonNull(observer);
            return this;
        }

        public Builder acceptBinds(boolean accept) {
            script.acceptBinds = accept;
            return this;
        }

        /** PDU threads per bound session; at least the ESME's window if all its submits are to be in flight at once. */
        public Builder pduProcessorDegree(int degree) {
            this.pduProcessorDegree = degree;
            return this;
        }

        public Builder queueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /** Threads that send receipts (each waits for its deliver_sm_resp). */
        public Builder receiptThreads(int threads) {
            this.receiptThreads = threads;
            return this;
        }

        /** How long a deliver_sm waits for its response before it counts as unanswered. */
        public Builder deliverTimeout(Duration timeout) {
            this.deliverTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public SimulatedSmsc start() throws IOException {
            return new SimulatedSmsc(this);
        }
    }
}
