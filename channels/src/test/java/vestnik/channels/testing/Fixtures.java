package vestnik.channels.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vestnik.channels.common.JsonHttp;
import vestnik.channels.spi.WebhookRequest;

/**
 * The shared provider fixtures ({@code ../shared/reference/fixtures} beside the repository, found by walking
 * up from the working directory), read as text, exact bytes, JSON, SMPP PDUs or recorded HTTP requests; and
 * a bounded wait for a future, for the tests of every channel.
 */
public final class Fixtures {

    private static final Path DIR = locate();

    private Fixtures() {
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference/fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/reference/fixtures above " + Path.of("").toAbsolutePath());
    }

    /** The file's bytes exactly as on disk. */
    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The lines of a fixture that are neither blank nor {@code #} comments. */
    public static List<String> lines(String name) {
        return text(name).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    public static JsonNode json(String name) {
        return parse(text(name));
    }

    public static JsonNode parse(String json) {
        try {
            return JsonHttp.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The octets of the {@code hex:} line that follows the section header {@code --- <pdu>}. */
    public static byte[] pduHex(String name, String pdu) {
        Matcher m = Pattern.compile("--- " + Pattern.quote(pdu) + " .*?\\nhex: ([0-9a-f]+)", Pattern.DOTALL)
                .matcher(text(name));
        if (!m.find()) {
            throw new IllegalStateException("no PDU " + pdu + " in " + name);
        }
        return HexFormat.of().parseHex(m.group(1));
    }

    /** A recorded HTTP request; {@code body} holds the recorded bytes, without the blank lines around them. */
    public record HttpRequest(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                              byte[] body) {

        /** The request as a provider would send it to our {@code /hooks/{channelId}}. */
        public WebhookRequest toWebhookRequest() {
            return new WebhookRequest(method, headers, query, body);
        }
    }

    /**
     * Reads a {@code .http} fixture: {@code #} comment lines, the request line, headers, a blank line, the
     * body up to the next comment or recorded response ({@code HTTP/...}). Lines may end in CRLF or LF; the
     * body keeps its bytes as recorded.
     */
    public static HttpRequest http(String name) {
        byte[] raw = bytes(name);
        // ISO-8859-1 maps each byte to one char, so offsets into the text are offsets into the bytes
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int at = 0;
        String requestLine;
        do {
            int end = lineEnd(all, at);
            requestLine = all.substring(at, end);
            at = nextLine(all, end);
        } while (requestLine.startsWith("#") || requestLine.isBlank());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        while (at < all.length()) {
            int end = lineEnd(all, at);
            String line = all.substring(at, end);
            at = nextLine(all, end);
            if (line.isBlank()) {
                break;
            }
            int colon = line.indexOf(':');
            headers.put(utf8(line.substring(0, colon).strip()), List.of(utf8(line.substring(colon + 1).strip())));
        }
        int bodyStart = at;
        int bodyEnd = at;
        while (at < all.length()) {
            int end = lineEnd(all, at);
            if (all.startsWith("#", at) || all.startsWith("HTTP/", at)) {
                break;
            }
            at = nextLine(all, end);
            bodyEnd = at;
        }
        while (bodyStart < bodyEnd && Character.isWhitespace(all.charAt(bodyStart))) {
            bodyStart++;
        }
        while (bodyEnd > bodyStart && Character.isWhitespace(all.charAt(bodyEnd - 1))) {
            bodyEnd--;
        }
        String[] parts = utf8(requestLine).split(" ");
        String target = parts[1];
        int q = target.indexOf('?');
        return new HttpRequest(parts[0], q >= 0 ? target.substring(0, q) : target,
                q >= 0 ? query(target.substring(q + 1)) : Map.of(), headers, Arrays.copyOfRange(raw, bodyStart, bodyEnd));
    }

    private static int lineEnd(String all, int from) {
        int lf = all.indexOf('\n', from);
        int end = lf < 0 ? all.length() : lf;
        return end > from && all.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    private static int nextLine(String all, int lineEnd) {
        int lf = all.indexOf('\n', lineEnd);
        return lf < 0 ? all.length() : lf + 1;
    }

    private static String utf8(String iso) {
        return new String(iso.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The future's result, waiting at most 5 s; a failure or a timeout fails the test. */
    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not succeed: " + e, e);
        }
    }

    /** The cause the future failed with, waiting at most 5 s; success or a timeout fails the test. */
    public static Throwable awaitFailure(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
        throw new AssertionError("future succeeded but was expected to fail");
    }
}
