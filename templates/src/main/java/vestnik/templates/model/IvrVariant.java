package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;

/**
 * A robocall script: prompts played in order, then a DTMF menu (key {@code "0"}–{@code "9"}, {@code "*"},
 * {@code "#"} → action).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IvrVariant(List<IvrPrompt> prompts, Map<String, IvrAction> menu) implements ChannelVariant {

    @JsonCreator
    public IvrVariant(@JsonProperty("prompts") List<IvrPrompt> prompts,
                      @JsonProperty("menu") Map<String, IvrAction> menu) {
        this.prompts = prompts == null ? List.of() : List.copyOf(prompts);
        this.menu = menu == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(menu));
    }

    @JsonIgnore
    @Override
    public VariantKind kind() {
        return VariantKind.IVR;
    }
}
