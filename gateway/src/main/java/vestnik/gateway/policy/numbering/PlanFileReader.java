package vestnik.gateway.policy.numbering;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one Rossvyaz / Minцифры range file ({@code ABC-3xx.csv}, {@code ABC-4xx.csv}, {@code ABC-8xx.csv},
 * {@code DEF-9xx.csv}): semicolon-separated, UTF-8 (often with a BOM) or windows-1251 in older downloads, a header
 * line naming the columns, then one range per line.
 */
final class PlanFileReader {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final int MAX_PROBLEMS = 20;

    private enum Column { CODE, FROM, TO, CAPACITY, OPERATOR, REGION, GAR, INN }

    record Result(List<NumberRange> ranges, PlanFileReport report) {
    }

    private PlanFileReader() {
    }

    static Result read(String source, byte[] bytes) {
        Charset charset;
        String text;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else {
            String utf8 = strictUtf8(bytes);
            charset = utf8 != null ? StandardCharsets.UTF_8 : WINDOWS_1251;
            text = utf8 != null ? utf8 : new String(bytes, WINDOWS_1251);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        int headerAt = 0;
        while (headerAt < lines.length && lines[headerAt].isBlank()) {
            headerAt++;
        }
        if (headerAt == lines.length) {
            throw new NumberingPlanFormatException(source + ": the file is empty");
        }
        Map<Column, Integer> columns = header(source, lines[headerAt]);
        PlanLayout layout = layout(columns, split(lines[headerAt]).size());

        List<NumberRange> ranges = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int skipped = 0;
        for (int i = headerAt + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            try {
                ranges.add(row(split(line), columns));
            } catch (IllegalArgumentException e) {
                skipped++;
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add("line " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        if (ranges.isEmpty()) {
            throw new NumberingPlanFormatException(source + ": no range could be read"
                    + (problems.isEmpty() ? "" : " (" + problems.get(0) + ")"));
        }
        return new Result(ranges, new PlanFileReport(source, layout, charset, ranges.size(), skipped, problems));
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Map<Column, Integer> header(String source, String line) {
        List<String> names = split(line);
        Map<Column, Integer> at = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
            Column c = null;
            if (i == 0 && (n.contains("def") || n.contains("авс") || n.contains("abc"))) {
                c = Column.CODE;
            } else if (n.equals("от")) {
                c = Column.FROM;
            } else if (n.equals("до")) {
                c = Column.TO;
            } else if (n.startsWith("емкост")) {
                c = Column.CAPACITY;
            } else if (n.startsWith("оператор")) {
                c = Column.OPERATOR;
            } else if (n.equals("регион")) {
                c = Column.REGION;
            } else if (n.contains("гар")) {
                c = Column.GAR;
            } else if (n.equals("инн")) {
                c = Column.INN;
            }
            if (c != null) {
                at.putIfAbsent(c, i);
            }
        }
        for (Column needed : List.of(Column.CODE, Column.FROM, Column.TO, Column.REGION)) {
            if (!at.containsKey(needed)) {
                String head = line.length() > 80 ? line.substring(0, 80) + "…" : line;
                throw new NumberingPlanFormatException(source + ": the header has no " + needed.name().toLowerCase(
                        Locale.ROOT) + " column; is this a numbering-plan file? header: " + head);
            }
        }
        return at;
    }

    private static PlanLayout layout(Map<Column, Integer> at, int count) {
        boolean gar = at.containsKey(Column.GAR);
        boolean inn = at.containsKey(Column.INN);
        if (count == 6 && !gar && !inn) {
            return PlanLayout.SIX_COLUMNS;
        }
        if (count == 7 && !gar && inn) {
            return PlanLayout.SEVEN_WITH_INN;
        }
        if (count == 8 && gar && inn) {
            return PlanLayout.EIGHT_WITH_GAR;
        }
        return PlanLayout.OTHER;
    }

    private static NumberRange row(List<String> cols, Map<Column, Integer> at) {
        int code = digits(cols, at, Column.CODE, 3);
        int from = digits(cols, at, Column.FROM, 7);
        int to = digits(cols, at, Column.TO, 7);
        if (from > to) {
            throw new IllegalArgumentException("range start " + from + " is after its end " + to);
        }
        String capacityText = text(cols, at, Column.CAPACITY);
        long capacity;
        try {
            capacity = capacityText.isEmpty() ? to - from + 1L : Long.parseLong(capacityText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("capacity '" + capacityText + "' is not a number");
        }
        return new NumberRange(code, from, to, capacity, text(cols, at, Column.OPERATOR),
                text(cols, at, Column.REGION), text(cols, at, Column.GAR), text(cols, at, Column.INN));
    }

    private static int digits(List<String> cols, Map<Column, Integer> at, Column c, int maxDigits) {
        String v = text(cols, at, c);
        if (v.isEmpty() || v.length() > maxDigits || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException(c.name().toLowerCase(Locale.ROOT) + " '" + v + "' is not a number of at most "
                    + maxDigits + " digits");
        }
        return Integer.parseInt(v);
    }

    private static String text(List<String> cols, Map<Column, Integer> at, Column c) {
        Integer i = at.get(c);
        if (i == null) {
            return "";
        }
        if (i >= cols.size()) {
            if (c == Column.CODE || c == Column.FROM || c == Column.TO || c == Column.REGION) {
                throw new IllegalArgumentException("only " + cols.size() + " columns");
            }
            return "";
        }
        return cols.get(i).trim();
    }

    /**
     * Splits on semicolons. A field that starts with a quote runs to the closing quote ({@code ""} inside is a
     * quote); quotes elsewhere are kept as written, as in {@code ПАО "МегаФон"}.
     */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (i <= n) {
            f.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            f.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    f.append(c);
                    i++;
                }
                while (i < n && line.charAt(i) != ';') {
                    f.append(line.charAt(i));
                    i++;
                }
            } else {
                while (i < n && line.charAt(i) != ';') {
                    f.append(line.charAt(i));
                    i++;
                }
            }
            out.add(f.toString());
            i++;
        }
        return out;
    }
}
