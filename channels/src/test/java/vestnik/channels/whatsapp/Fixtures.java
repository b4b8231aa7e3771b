package vestnik.channels.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared fixture files (../shared/reference/fixtures next to the repository), found by walking up. */
final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
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

    static JsonNode json(String name) {
        try {
            return JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded HTTP request ({@code .http}): comment lines, request line, headers, blank line, body. */
    record HttpRequest(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                       byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static HttpRequest http(String name) {
        List<String> lines = text(name).lines().toList();
        int i = 0;
        while (lines.get(i).startsWith("#") || lines.get(i).isBlank()) {
            i++;
        }
        String[] requestLine = lines.get(i++).split(" ");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        while (i < lines.size() && !lines.get(i).isBlank()) {
            String line = lines.get(i++);
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim(), List.of(line.substring(colon + 1).trim()));
        }
        StringBuilder body = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).startsWith("#") && !lines.get(i).startsWith("HTTP/"); i++) {
            body.append(body.length() == 0 ? "" : "\n").append(lines.get(i));
        }
        String target = requestLine[1];
        int q = target.indexOf('?');
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new HttpRequest(requestLine[0], q >= 0 ? target.substring(0, q) : target, query, headers,
                body.toString().strip().getBytes(StandardCharsets.UTF_8));
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
