package vestnik.channels.email;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vestnik.channels.spi.InboundEvent;
import vestnik.channels.spi.InboundSink;

/**
 * Reads replies and bounces from the IMAP mailbox every {@code pollInterval}. Jakarta Mail blocks, so
 * every IMAP call runs on one worker thread of the channel's own (never on an event loop), and one poll
 * at a time. Each letter's events go to the sink in order; the letter is marked {@code \Seen} only once
 * the sink's futures completed, so a letter whose events were not stored (Redis down, a crash) stays
 * unread and is read again by the next poll — the events' dedup keys make that harmless. A letter that
 * cannot be parsed at all is marked read (it stays in the mailbox for a person) rather than read forever.
 */
final class ImapPoller {

    /** Letters taken per poll: a backlog drains over a few polls instead of one long one. */
    static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);

    private record Received(long uid, List<InboundEvent> events) {
    }

    private final String channelId;
    private final Vertx vertx;
    private final EmailConfig.Imap config;
    private final ImapMailbox mailbox;
    private final InboundMail parser;
    private final WorkerExecutor worker;
    private volatile boolean running;
    private volatile long timer = -1;
    private volatile Future<Void> current = Future.succeededFuture();
    private InboundSink sink;

    ImapPoller(String channelId, Vertx vertx, EmailConfig.Imap config, InboundMail parser) {
        this.channelId = channelId;
        this.vertx = vertx;
        this.config = config;
        this.mailbox = new ImapMailbox(config);
        this.parser = parser;
        // a stuck server is cut off by the socket timeouts; the limit only stops Vert.x warning before that
        this.worker = vertx.createSharedWorkerExecutor("vestnik-imap-" + channelId, 1,
                config.timeout().toMillis() * 4, TimeUnit.MILLISECONDS);
    }

    void start(InboundSink sink) {
        this.sink = sink;
        running = true;
        schedule(1);
    }

    /** Stops polling, lets a poll under way finish, and closes the connection. */
    Future<Void> stop() {
        running = false;
        vertx.cancelTimer(timer);
        return current.recover(e -> Future.succeededFuture())
                .compose(v -> worker.<Void>executeBlocking(() -> {
                    mailbox.close();
                    return null;
                }))
                .eventually(worker::close);
    }

    private void schedule(long delayMs) {
        if (running) {
            timer = vertx.setTimer(delayMs, id -> poll());
        }
    }

    private void poll() {
        if (!running) {
            return;
        }
        current = worker.executeBlocking(this::readUnread)
                .compose(this::storeInOrder)
                .onFailure(e -> {
                    LOG.warn("email channel {}: IMAP poll of {}:{} failed ({}); next try in {}", channelId, config.host(),
                            config.port(), e.getClass().getSimpleName(), config.pollInterval());
                    worker.executeBlocking(() -> {
                        mailbox.close();
                        return null;
                    });
                })
                .onComplete(ar -> schedule(config.pollInterval().toMillis()));
    }

    /** On the worker: fetches and parses (parsing a large letter is no work for an event loop either). */
    private List<Received> readUnread() throws Exception {
        List<Received> received = new ArrayList<>();
        for (ImapMailbox.Letter letter : mailbox.unread(BATCH)) {
            List<InboundEvent> events;
            try {
                events = parser.parse(letter.raw());
            } catch (IllegalArgumentException e) {
                LOG.warn("email channel {}: letter uid {} ({} bytes) is unreadable and is only marked read", channelId,
                        letter.uid(), letter.raw().length);
                events = List.of();
            }
            received.add(new Received(letter.uid(), events));
        }
        if (!received.isEmpty()) {
            LOG.debug("email channel {}: {} unread letter(s) in {}", channelId, received.size(), config.folder());
        }
        return received;
    }

    private Future<Void> storeInOrder(List<Received> letters) {
        Future<Void> chain = Future.succeededFuture();
        for (Received letter : letters) {
            chain = chain.compose(v -> store(letter));
        }
        return chain;
    }

    private Future<Void> store(Received letter) {
        Future<Void> stored = Future.succeededFuture();
        for (InboundEvent event : letter.events()) {
            stored = stored.compose(v -> sink.accept(event));
        }
        return stored.compose(v -> worker.executeBlocking(() -> {
            mailbox.markSeen(letter.uid());
            return null;
        }));
    }
}
