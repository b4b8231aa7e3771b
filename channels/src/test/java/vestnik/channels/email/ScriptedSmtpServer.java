package vestnik.channels.email;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP peer on loopback whose replies a test chooses per command (GreenMail accepts every letter,
 * so refusals need this). It records the commands it received and how many connections were opened.
 */
final class ScriptedSmtpServer {

    private static final Map<String, String> DEFAULTS = Map.of(
            "EHLO", "250-scripted.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME",
            "HELO", "250 scripted.test",
            "AUTH", "235 2.7.0 Authentication successful",
            "MAIL", "250 2.1.0 OK",
            "RCPT", "250 2.1.5 OK",
            "DATA", "354 End data with <CR><LF>.<CR><LF>",
            ".", "250 2.0.0 Ok: queued",
            "RSET", "250 2.0.0 OK",
            "NOOP", "250 2.0.0 OK",
            "QUIT", "221 2.0.0 Bye");

    static final String SILENCE = "";

    final List<String> commands = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private NetServer server;

    ScriptedSmtpServer(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * From now on, answers {@code verb} ({@code RCPT}, {@code AUTH}, {@code .} for the end of DATA) with
     * {@code reply}; {@link #SILENCE} makes the server say nothing, as a hung one does.
     */
    ScriptedSmtpServer answer(String verb, String reply) {
        replies.put(verb, reply);
        return this;
    }

    int start() {
        server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0));
        server.connectHandler(this::serve);
        return server.listen().await().actualPort();
    }

    void stop() {
        server.close().await();
    }

    private void serve(NetSocket socket) {
        connections.incrementAndGet();
        socket.write("220 scripted.test ESMTP\r\n");
        boolean[] inData = {false};
        RecordParser.newDelimited("\r\n", socket).handler(buffer -> {
            String line = buffer.toString();
            if (inData[0] && !line.equals(".")) {
                return;
            }
            commands.add(line);
            String verb = line.equals(".") ? "." : line.split("[ :]")[0].toUpperCase(Locale.ROOT);
            inData[0] = false;
            String reply = replies.getOrDefault(verb, DEFAULTS.getOrDefault(verb, "502 5.5.2 Command not recognized"));
            if (!reply.equals(SILENCE)) {
                socket.write(reply + "\r\n");
            }
            if (verb.equals("DATA") && reply.startsWith("354")) {
                inData[0] = true;
            }
            if (verb.equals("QUIT")) {
                socket.close();
            }
        });
    }
}
