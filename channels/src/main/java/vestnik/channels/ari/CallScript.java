package vestnik.channels.ari;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one call will play and how its menu behaves: the message's {@link IvrScript} with the channel's
 * defaults filled in, or the message's text spoken through the channel's TTS template.
 *
 * @param machineMessage played to an answering machine before hanging up; empty hangs up at once
 */
record CallScript(
        List<String> media,
        Map<String, MenuAction> menu,
        int maxPlays,
        List<String> goodbye,
        List<String> machineMessage,
        String language,
        Duration menuTimeout) {

    CallScript {
        media = List.copyOf(media);
        menu = Map.copyOf(menu);
        goodbye = List.copyOf(goodbye);
        machineMessage = List.copyOf(machineMessage);
        if (media.isEmpty()) {
            throw new IllegalArgumentException("a call script needs something to play");
        }
    }

    /**
     * @param script the message's script, or null
     * @param text   the message's text, spoken when the script names no media
     * @throws IllegalArgumentException when there is nothing to play or the menu needs what the channel lacks
     */
    static CallScript resolve(IvrScript script, String text, AriConfig config) {
        List<String> media = script == null ? List.of() : script.media();
        if (media.isEmpty()) {
            if (config.ttsUrlTemplate() == null) {
                throw new IllegalArgumentException("this channel has no ttsUrlTemplate, so a message needs an IVR "
                        + "script with media to play");
            }
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a message without media needs a text to speak");
            }
            media = List.of(tts(config.ttsUrlTemplate(), text));
        }
        Map<String, MenuAction> menu = script == null || script.menu() == null ? config.menu() : script.menu();
        if (config.operator() == null && menu.containsValue(MenuAction.OPERATOR)) {
            throw new IllegalArgumentException("the menu has OPERATOR but this channel has no operator dialplan");
        }
        int maxPlays = script == null || script.maxPlays() == null ? config.maxPlays() : script.maxPlays();
        List<String> goodbye = script == null || script.goodbye() == null ? config.goodbye() : script.goodbye();
        return new CallScript(media, menu, maxPlays, goodbye, config.machineMessage(), config.language(),
                config.menuTimeout());
    }

    /** The template with {@code {text}} replaced by the text, percent-encoded (a space is %20, a comma %2C). */
    static String tts(String template, String text) {
        String encoded = URLEncoder.encode(text.strip(), StandardCharsets.UTF_8).replace("+", "%20");
        return template.replace("{text}", encoded);
    }
}
