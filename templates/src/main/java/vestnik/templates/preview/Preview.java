package vestnik.templates.preview;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /v1/templates/{key}/preview} answers: each channel rendered, keyed by its slot name
 * ({@code sms}, {@code telegram}, …), and which variables were filled from samples because the request left them out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Preview(String templateKey, Integer templateVersion, Map<String, ChannelPreview> channels,
                      List<String> sampled) {

    public Preview {
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        sampled = List.copyOf(sampled);
    }
}
