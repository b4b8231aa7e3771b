package vestnik.gateway.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vestnik.gateway.api.ApiError;
import vestnik.gateway.api.ErrorCode;

/**
 * Turns the lines of an upload into rows of named values, one line at a time: CSV (a header row first,
 * {@code ;} or {@code ,} as found in the header, double quotes for values holding either) or JSON lines
 * (one flat object per line). A line it cannot read is a {@link Decoded.Problem} for that row alone.
 */
public final class RowDecoder {

    /** The upload's format, from its Content-Type. */
    public enum Format { CSV, JSON_LINES }

    /** One line read: a row's values, or why the row is unusable. */
    public sealed interface Decoded {
        record Values(Map<String, String> values) implements Decoded {
        }

        record Problem(String reason) implements Decoded {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Format format;
    private List<String> header;
    private char separator;

    public RowDecoder(Format format) {
        this.format = format;
    }

    /** True once a CSV header has been read (always for JSON lines, which have none). */
    public boolean wantsHeader() {
        return format == Format.CSV && header == null;
    }

    /** Reads the CSV header; a header without phone or contactId makes the whole upload unusable. */
    public void header(String line) {
        String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
        separator = l.indexOf(';') >= 0 ? ';' : ',';
        List<String> names = split(l, separator);
        if (names == null) {
            throw new ApiError(ErrorCode.INVALID_ROWS, "the CSV header has an unterminated quote");
        }
        List<String> trimmed = names.stream().map(String::trim).toList();
        if (!trimmed.contains("phone") && !trimmed.contains("contactId")) {
            throw new ApiError(ErrorCode.INVALID_ROWS, "the CSV header must name a 'phone' or a 'contactId' column");
        }
        if (trimmed.stream().distinct().count() != trimmed.size() || trimmed.contains("")) {
            throw new ApiError(ErrorCode.INVALID_ROWS, "the CSV header has an empty or repeated column name");
        }
        header = trimmed;
    }

    public Decoded decode(String line) {
        return format == Format.CSV ? csv(line) : jsonLine(line);
    }

    private Decoded csv(String line) {
        List<String> cells = split(line, separator);
        if (cells == null) {
            return new Decoded.Problem("unterminated quote");
        }
        if (cells.size() != header.size()) {
            return new Decoded.Problem("the row has " + cells.size() + " fields, the header " + header.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            values.put(header.get(i), cells.get(i));
        }
        return new Decoded.Values(values);
    }

    private static Decoded jsonLine(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new Decoded.Problem("not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            return new Decoded.Problem("a line must be one JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isContainerNode()) {
                return new Decoded.Problem("'" + e.getKey() + "' must be a plain value, not an object or array");
            }
            if (!v.isNull()) {
                values.put(e.getKey(), v.asText());
            }
        }
        return new Decoded.Values(values);
    }

    /** RFC 4180 cells of one line; null when a quote is left open (a value spanning lines is not supported). */
    static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cell.toString());
        return out;
    }
}
