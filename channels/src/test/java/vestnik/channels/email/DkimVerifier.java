package vestnik.channels.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an rsa-sha256, relaxed/relaxed DKIM signature of a received letter (RFC 6376 §3.4.2, §3.4.4,
 * §3.7) with the public key a DNS TXT record would publish: the receiver's side of the test.
 */
final class DkimVerifier {

    private DkimVerifier() {
    }

    /** The DKIM-Signature tags, e.g. {@code d}, {@code s}, {@code h}. */
    static Map<String, String> tags(String signature) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : signature.replaceAll("\\s+", "").split(";")) {
            int eq = tag.indexOf('=');
            if (eq > 0) {
                tags.put(tag.substring(0, eq), tag.substring(eq + 1));
            }
        }
        return tags;
    }

    static boolean verify(byte[] raw, PublicKey key) throws Exception {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int split = all.indexOf("\r\n\r\n");
        List<String> fields = fields(all.substring(0, split + 2));
        String body = all.substring(split + 4);
        String dkimField = fields.stream().filter(f -> name(f).equals("dkim-signature")).findFirst().orElseThrow();
        Map<String, String> tags = tags(value(dkimField));

        byte[] bodyHash = MessageDigest.getInstance("SHA-256").digest(relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1));
        if (!Base64.getEncoder().encodeToString(bodyHash).equals(tags.get("bh"))) {
            return false;
        }
        StringBuilder signed = new StringBuilder();
        List<String> unused = new ArrayList<>(fields);
        for (String name : tags.get("h").split(":")) {
            String wanted = name.toLowerCase(Locale.ROOT);
            for (int i = unused.size() - 1; i >= 0; i--) {
                if (name(unused.get(i)).equals(wanted)) {
                    signed.append(relaxedHeader(unused.remove(i))).append("\r\n");
                    break;
                }
            }
        }
        signed.append(relaxedHeader(dkimField.replaceAll("b=[^;]*$", "b=").replaceAll("b=[A-Za-z0-9+/=\\s]+$", "b=")));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
        return rsa.verify(Base64.getDecoder().decode(tags.get("b")));
    }

    private static List<String> fields(String header) {
        List<String> fields = new ArrayList<>();
        for (String line : header.split("\r\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else if (!line.isEmpty()) {
                fields.add(line);
            }
        }
        return fields;
    }

    private static String name(String field) {
        return field.substring(0, field.indexOf(':')).strip().toLowerCase(Locale.ROOT);
    }

    private static String value(String field) {
        return field.substring(field.indexOf(':') + 1);
    }

    private static String relaxedHeader(String field) {
        String v = value(field).replace("\r\n", "").replaceAll("[ \\t]+", " ").strip();
        return name(field) + ":" + v;
    }

    private static String relaxedBody(String body) {
        String[] lines = body.split("\r\n", -1);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.replaceAll("[ \\t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        String s = out.toString();
        while (s.endsWith("\r\n\r\n")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.equals("\r\n") ? "" : s;
    }
}
