package vestnik.templates.render;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vestnik.templates.model.IvrAction;

/** A variant after rendering: final texts, ready for a channel. {@link #text()} is the message text to store. */
public sealed interface RenderedContent {

    /** The text a channel sends (SMS, messenger), or that represents the message in the inbox (others). */
    String text();

    record Sms(String text) implements RenderedContent {
    }

    record Messenger(String text, List<Button> buttons) implements RenderedContent {
        public Messenger {
            buttons = List.copyOf(buttons);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Button(String text, String url, String payload) {
    }

    /**
     * @param parameters the body parameters in order, as display text ({@code 1 234,56 ₽})
     * @param body       the approved body with the parameters put in, when the template knows it; else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WhatsApp(String name, String language, List<String> parameters, String body) implements RenderedContent {
        public WhatsApp {
            parameters = List.copyOf(parameters);
        }

        @JsonIgnore
        @Override
        public String text() {
            return body != null ? body : String.join(" | ", parameters);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Email(String subject, String html, String text) implements RenderedContent {
    }

    record Ivr(List<Prompt> prompts, Map<String, IvrAction> menu) implements RenderedContent {
        public Ivr {
            prompts = List.copyOf(prompts);
            menu = Map.copyOf(menu);
        }

        /** The synthesised speech, prompt by prompt; recorded sounds appear as {@code [sound:name]}. */
        @JsonIgnore
        @Override
        public String text() {
            return prompts.stream()
                    .map(p -> p.tts() != null ? p.tts() : "[sound:" + p.sound() + "]")
                    .collect(Collectors.joining(" "));
        }

        /** Only the text that is synthesised, for identification checks and call-length estimates. */
        @JsonIgnore
        public String speech() {
            return prompts.stream().filter(p -> p.tts() != null).map(Prompt::tts).collect(Collectors.joining(" "));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Prompt(String tts, String sound) {
    }
}
