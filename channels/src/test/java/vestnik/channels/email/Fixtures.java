package vestnik.channels.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared fixture files (../shared/reference/fixtures next to the repository), found by walking up; bytes kept exact. */
final class Fixtures {

    private static final Path DIR = locate();

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** A recorded HTTP request ({@code .http}): request line, headers, blank line, the body's exact bytes. */
    record HttpRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {
    }

    static HttpRequest http(String name) {
        byte[] raw = bytes(name);
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        List<String> head = List.of(all.substring(0, end).split("\r\n"));
        String[] requestLine = head.get(0).split(" ");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip(), List.of(line.substring(colon + 1).strip()));
        }
        return new HttpRequest(requestLine[0], requestLine[1], headers, Arrays.copyOfRange(raw, end + 4, raw.length));
    }

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/reference/fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/reference/fixtures above " + Path.of("").toAbsolutePath());
    }
}
