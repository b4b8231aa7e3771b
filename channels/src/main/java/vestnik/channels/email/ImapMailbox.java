package vestnik.channels.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * The polled IMAP folder, over Jakarta Mail's (Angus) IMAP store. <b>Blocking</b>: only ever called from
 * the poller's single worker thread, never from an event loop. Letters are read with {@code BODY.PEEK},
 * so reading marks nothing; {@link #markSeen} does, once the letter's events are stored.
 */
final class ImapMailbox implements AutoCloseable {

    /** One unread letter: its UID (stable while the folder's UIDVALIDITY holds) and its raw bytes. */
    record Letter(long uid, byte[] raw) {
    }

    private final EmailConfig.Imap config;
    private final Session session;
    private final String protocol;
    private Store store;
    private Folder folder;

    ImapMailbox(EmailConfig.Imap config) {
        this.config = config;
        this.protocol = config.tls() == EmailConfig.Tls.TLS ? "imaps" : "imap";
        this.session = Session.getInstance(properties(config, protocol));
    }

    static Properties properties(EmailConfig.Imap config, String protocol) {
        Properties p = new Properties();
        String k = "mail." + protocol + ".";
        p.setProperty(k + "host", config.host());
        p.setProperty(k + "port", String.valueOf(config.port()));
        p.setProperty(k + "connectiontimeout", String.valueOf(config.timeout().toMillis()));
        p.setProperty(k + "timeout", String.valueOf(config.timeout().toMillis()));
        p.setProperty(k + "peek", "true");
        if (config.tls() == EmailConfig.Tls.STARTTLS) {
            p.setProperty(k + "starttls.enable", "true");
            p.setProperty(k + "starttls.required", "true");
        }
        if (config.tls() != EmailConfig.Tls.NONE) {
            p.setProperty(k + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    /** Up to {@code limit} unread letters, oldest first; connects (again) when needed. */
    List<Letter> unread(int limit) throws MessagingException, IOException {
        Folder f = open();
        // the count makes the server report letters that arrived since the last command
        f.getMessageCount();
        Message[] found = f.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        f.fetch(found, profile);
        UIDFolder uids = (UIDFolder) f;
        List<Message> oldestFirst = new ArrayList<>(Arrays.asList(found));
        oldestFirst.sort(Comparator.comparingLong(m -> uid(uids, m)));
        List<Letter> letters = new ArrayList<>();
        for (Message m : oldestFirst.subList(0, Math.min(limit, oldestFirst.size()))) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try {
                m.writeTo(raw);
            } catch (MessagingException | IOException e) {
                if (!f.isOpen() || !store.isConnected()) {
                    throw e;
                }
                // one letter the server cannot hand out must not hold up the others; it is tried again next poll
                continue;
            }
            letters.add(new Letter(uids.getUID(m), raw.toByteArray()));
        }
        return letters;
    }

    void markSeen(long uid) throws MessagingException {
        Message m = ((UIDFolder) open()).getMessageByUID(uid);
        if (m != null) {
            m.setFlag(Flags.Flag.SEEN, true);
        }
    }

    private Folder open() throws MessagingException {
        if (folder != null && folder.isOpen() && store.isConnected()) {
            return folder;
        }
        close();
        store = session.getStore(protocol);
        store.connect(config.host(), config.port(), config.username(), config.password());
        folder = store.getFolder(config.folder());
        folder.open(Folder.READ_WRITE);
        return folder;
    }

    private static long uid(UIDFolder uids, Message m) {
        try {
            return uids.getUID(m);
        } catch (MessagingException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Drops the connection quietly; the next call connects again. */
    @Override
    public void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException ignored) {
            // the connection is being dropped anyway
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException ignored) {
            // the connection is being dropped anyway
        }
        folder = null;
        store = null;
    }
}
