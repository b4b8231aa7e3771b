package vestnik.loadtest.driver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Asks a Redis for {@code INFO memory} over a plain socket (RESP), so the driver needs no Redis client. */
final class RedisProbe {

    private final int port;

    RedisProbe(int port) {
        this.port = port;
    }

    /** {@code used_memory} in bytes, or empty when Redis does not answer. */
    OptionalLong usedMemory() {
        return info("memory").map(RedisProbe::usedMemory).orElse(OptionalLong.empty());
    }

    /** Calls per command since Redis started ({@code INFO commandstats}); empty when Redis does not answer. */
    Map<String, Long> commandCalls() {
        return info("commandstats").map(RedisProbe::commandCalls).orElse(Map.of());
    }

    private Optional<String> info(String section) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(5000);
            String command = "*2\r\n$4\r\nINFO\r\n$" + section.length() + "\r\n" + section + "\r\n";
            s.getOutputStream().write(command.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(readBulk(s.getInputStream()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code cmdstat_evalsha:calls=12,usec=...} lines as command to calls. */
    static Map<String, Long> commandCalls(String info) {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            int start = line.indexOf("calls=");
            if (!line.startsWith("cmdstat_") || colon < 0 || start < 0) {
                continue;
            }
            int end = line.indexOf(',', start);
            calls.put(line.substring("cmdstat_".length(), colon),
                    Long.parseLong(line.substring(start + 6, end < 0 ? line.length() : end)));
        }
        return calls;
    }

    static OptionalLong usedMemory(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return OptionalLong.of(Long.parseLong(line.substring("used_memory:".length()).trim()));
            }
        }
        return OptionalLong.empty();
    }

    private static String readBulk(InputStream in) throws IOException {
        String header = readLine(in);
        if (!header.startsWith("$")) {
            throw new IOException("unexpected reply " + header);
        }
        int length = Integer.parseInt(header.substring(1));
        byte[] body = in.readNBytes(length);
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
