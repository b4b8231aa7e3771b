package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a robocall script: text to synthesise ({@code tts}, a template) or a recorded sound file
 * ({@code sound}, a name in the media library such as {@code debt/intro}); exactly one of the two.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IvrPrompt(String tts, String sound) {

    public static IvrPrompt tts(String text) {
        return new IvrPrompt(text, null);
    }

    public static IvrPrompt sound(String name) {
        return new IvrPrompt(null, name);
    }
}
