package vestnik.channels.ari;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vestnik.channels.spi.ChannelPayload;

/**
 * The call script of one robocall message: what to play when the call is answered and what the keys do.
 * Every field is optional; what is left out comes from the channel's configuration. When {@code media} is
 * empty the message's text is spoken through the channel's {@code ttsUrlTemplate}.
 *
 * @param media    ARI media URIs played in order on answer: {@code sound:<file>}, {@code sound:https://...}
 *                 (audio fetched over HTTP, e.g. a TTS service), {@code recording:}, {@code number:},
 *                 {@code digits:}, {@code characters:}, {@code tone:}
 * @param menu     key ({@code 0-9 * #}) to action; null takes the channel's menu, an empty map means no menu
 * @param maxPlays how many times the media may play in one call (1-5), counting replays asked with REPEAT
 * @param goodbye  media played after a choice that ends the call (PAID, CALLBACK, OPT_OUT); null takes the
 *                 channel's, an empty list hangs up at once
 */
public record IvrScript(List<String> media, Map<String, MenuAction> menu, Integer maxPlays, List<String> goodbye)
        implements ChannelPayload {

    public static final int MAX_MEDIA = 10;
    public static final int MAX_PLAYS = 5;
    private static final Set<String> SCHEMES = Set.of("sound", "recording", "number", "digits", "characters", "tone");
    private static final Pattern KEY = Pattern.compile("[0-9*#]");

    public IvrScript {
        media = media == null ? List.of() : List.copyOf(media);
        checkMedia("media", media);
        if (goodbye != null) {
            goodbye = List.copyOf(goodbye);
            checkMedia("goodbye", goodbye);
        }
        if (menu != null) {
            Map<String, MenuAction> copy = new LinkedHashMap<>();
            menu.forEach((key, action) -> {
                if (key == null || !KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException("a menu key is one of 0-9 * #, not '" + key + "'");
                }
                if (action == null) {
                    throw new IllegalArgumentException("menu key " + key + " has no action");
                }
                copy.put(key, action);
            });
            menu = Map.copyOf(copy);
        }
        if (maxPlays != null && (maxPlays < 1 || maxPlays > MAX_PLAYS)) {
            throw new IllegalArgumentException("maxPlays must be between 1 and " + MAX_PLAYS);
        }
    }

    /** A script that only plays these media, with the channel's menu. */
    public static IvrScript playing(String... media) {
        return new IvrScript(List.of(media), null, null, null);
    }

    /**
     * Reads a script from a job's JSON: {@code {"media":["sound:..."], "menu":{"1":"OPERATOR","2":"PAID"},
     * "maxPlays":2, "goodbye":["sound:..."]}}.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static IvrScript fromJson(JsonNode json) {
        if (json == null || json.isNull()) {
            return new IvrScript(null, null, null, null);
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("an IVR script must be an object");
        }
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!Set.of("media", "menu", "maxPlays", "goodbye").contains(name)) {
                throw new IllegalArgumentException(name + " is not a field of an IVR script");
            }
        }
        Map<String, MenuAction> menu = null;
        JsonNode m = json.get("menu");
        if (m != null && !m.isNull()) {
            if (!m.isObject()) {
                throw new IllegalArgumentException("menu must be an object such as {\"2\":\"PAID\"}");
            }
            menu = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                menu.put(e.getKey(), action("menu." + e.getKey(), e.getValue()));
            }
        }
        Integer maxPlays = null;
        JsonNode p = json.get("maxPlays");
        if (p != null && !p.isNull()) {
            if (!p.canConvertToInt() || !p.isIntegralNumber()) {
                throw new IllegalArgumentException("maxPlays must be a whole number");
            }
            maxPlays = p.asInt();
        }
        return new IvrScript(strings("media", json.get("media")), menu, maxPlays, strings("goodbye", json.get("goodbye")));
    }

    static MenuAction action(String field, JsonNode value) {
        String name = value == null ? "" : value.asText("").trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return MenuAction.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be one of OPERATOR, PAID, REPEAT, CALLBACK, OPT_OUT");
        }
    }

    private static List<String> strings(String field, JsonNode array) {
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(field + " must be a list of media URIs");
        }
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (!n.isTextual()) {
                throw new IllegalArgumentException(field + " must be a list of media URIs");
            }
            out.add(n.asText());
        });
        return out;
    }

    /**
     * ARI takes several media in one {@code media} parameter separated by commas, so a URI may not contain
     * a bare comma (percent-encode it as %2C).
     */
    static void checkMedia(String field, List<String> media) {
        if (media.size() > MAX_MEDIA) {
            throw new IllegalArgumentException(field + " has more than " + MAX_MEDIA + " items");
        }
        for (String uri : media) {
            if (!isMediaUri(uri)) {
                throw new IllegalArgumentException(field + " items must be ARI media URIs such as sound:<file> "
                        + "or sound:https://...; without spaces or bare commas");
            }
        }
    }

    static boolean isMediaUri(String uri) {
        if (uri == null) {
            return false;
        }
        int colon = uri.indexOf(':');
        return colon > 0 && colon < uri.length() - 1 && SCHEMES.contains(uri.substring(0, colon))
                && uri.chars().noneMatch(c -> c == ',' || Character.isWhitespace(c));
    }
}
