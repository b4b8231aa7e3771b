package vestnik.loadtest.driver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** Asks a Redis for {@code INFO memory} over a plain socket (RESP), so the driver needs no Redis client. */
final class RedisProbe {

    private final int port;

    RedisProbe(int port) {
        this.port = port;
    }

    /** {@code used_memory} in bytes, or empty when Redis does not answer. */
    OptionalLong usedMemory() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(5000);
            s.getOutputStream().write("*2\r\n$4\r\nINFO\r\n$6\r\nmemory\r\n".getBytes(StandardCharsets.US_ASCII));
            return usedMemory(readBulk(s.getInputStream()));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
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
