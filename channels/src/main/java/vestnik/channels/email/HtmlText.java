package vestnik.channels.email;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text from HTML, good enough for a plain-text alternative part and for an agent reading a reply
 * that came as HTML only. Not a renderer: paragraphs are separated by a blank line, other block ends
 * become line breaks, list items dashes; tags go, entities are decoded.
 */
final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<!--.*?-->|<(head|style|script|title)\\b.*?</\\1\\s*>");
    private static final Pattern PARAGRAPH_END = Pattern.compile("(?i)</(p|h[1-6]|blockquote|table)\\s*>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(div|tr|ul|ol)\\s*>");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of(
            "nbsp", " ", "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
            "laquo", "«", "raquo", "»", "mdash", "—", "ndash", "–");

    private HtmlText() {
    }

    static String toPlain(String html) {
        if (html == null) {
            return "";
        }
        String s = INVISIBLE.matcher(html).replaceAll("");
        s = s.replaceAll("[\\r\\n]+", " ");
        s = PARAGRAPH_END.matcher(s).replaceAll("\n\n");
        s = LINE_BREAK.matcher(s).replaceAll("\n");
        s = LIST_ITEM.matcher(s).replaceAll("\n- ");
        s = TAG.matcher(s).replaceAll("");
        s = decodeEntities(s);
        s = s.replaceAll("[ \\t\\u00A0]+", " ").replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n")
                .replace("\n\n- ", "\n- ");
        return s.strip();
    }

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(name.substring(2), 16), m.group());
            } else if (name.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(name.substring(1)), m.group());
            } else {
                replacement = NAMED.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp, String original) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : original;
    }
}
