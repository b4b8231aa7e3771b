package vestnik.channels.email;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The new part of a reply: what the debtor wrote above the quoted letter. Mail clients mark the quote in
 * a few recognisable ways, and the text is cut at the first of them:
 * <ul>
 *   <li>a line starting with {@code >};</li>
 *   <li>an attribution line ending in "wrote:" / "пишет:" / "написал(а):" or in "&lt;address&gt;:" (Gmail in
 *       Russian), also when the client wrapped it over two lines, as Gmail, Thunderbird, Mail.ru and Yandex
 *       write it;</li>
 *   <li>a separator: "-----Original Message-----", "-------- Исходное сообщение --------", "Forwarded message";</li>
 *   <li>Outlook's header block: a "From:"/"От:" line followed by "Sent:"/"Date:"/"Отправлено:"/"Дата:".</li>
 * </ul>
 * When nothing is left above the cut (a debtor who answered inside the quote), the whole text is kept:
 * better a long message than a lost one.
 */
final class ReplyText {

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?iu).*(\\b(wrote|пишет|написал|написала|написал\\(а\\)|a écrit|schrieb)|<[^<>\\s]+@[^<>\\s]+>)\\s*:\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile(
            "(?iu)^\\s*-{2,}\\s*(original message|исходное сообщение|пересылаемое сообщение|forwarded message"
                    + "|переадресованное сообщение)\\s*-{2,}\\s*$");
    private static final Pattern OUTLOOK_FROM = Pattern.compile("(?iu)^\\s*\\*?(from|от|отправитель)\\s*:\\*?\\s.*");
    private static final Pattern OUTLOOK_NEXT = Pattern.compile(
            "(?iu)^\\s*\\*?(sent|date|отправлено|дата|to|кому)\\s*:\\*?\\s.*");

    private ReplyText() {
    }

    static String newPart(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines = text.lines().toList();
        int cut = cutAt(lines);
        String above = String.join("\n", lines.subList(0, cut)).strip();
        return above.isEmpty() ? text.strip() : above;
    }

    private static int cutAt(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith(">") || SEPARATOR.matcher(line).matches()) {
                return attributionAbove(lines, i);
            }
            if (ATTRIBUTION.matcher(line).matches()) {
                return wrappedAttributionStart(lines, i);
            }
            if (OUTLOOK_FROM.matcher(line).matches() && i + 1 < lines.size()
                    && OUTLOOK_NEXT.matcher(lines.get(i + 1)).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    /** A quote usually follows its attribution line, perhaps with a blank line between. */
    private static int attributionAbove(List<String> lines, int quoteStart) {
        int j = quoteStart - 1;
        while (j >= 0 && lines.get(j).isBlank()) {
            j--;
        }
        if (j < 0 || !lines.get(j).strip().endsWith(":")) {
            return quoteStart;
        }
        if (j > 0 && !lines.get(j - 1).isBlank()
                && ATTRIBUTION.matcher(lines.get(j - 1).strip() + lines.get(j).strip()).matches()) {
            return j - 1;
        }
        // a line ending in ':' right above the quote introduces it, whatever the client's wording
        return wrappedAttributionStart(lines, j);
    }

    /** Gmail wraps a long "On ..., Name <address> wrote:" over two lines; the cut goes above both. */
    private static int wrappedAttributionStart(List<String> lines, int attribution) {
        if (attribution > 0) {
            String previous = lines.get(attribution - 1);
            if (!previous.isBlank() && previous.matches("(?iu)^\\s*(on|в|le|am)\\s.*") && !previous.endsWith(".")) {
                return attribution - 1;
            }
        }
        return attribution;
    }
}
