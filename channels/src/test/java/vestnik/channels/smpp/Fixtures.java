package vestnik.channels.smpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the shared reference fixtures, found by walking up from the working directory to {@code shared/}. */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference/fixtures").resolve(name);
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readString(candidate, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("fixture " + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /** The octets of the {@code hex:} line that follows the section header {@code --- <pdu>}. */
    static byte[] pduHex(String name, String pdu) {
        Matcher m = Pattern.compile("--- " + Pattern.quote(pdu) + " .*?\\nhex: ([0-9a-f]+)", Pattern.DOTALL)
                .matcher(read(name));
        if (!m.find()) {
            throw new IllegalStateException("no PDU " + pdu + " in " + name);
        }
        return HexFormat.of().parseHex(m.group(1));
    }

    /** The receipt lines of {@code smpp-dlr-short-message.txt}: every line that is not a comment or blank. */
    static java.util.List<String> receiptLines() {
        return read("smpp-dlr-short-message.txt").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
    }
}
