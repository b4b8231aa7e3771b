package vestnik.templates.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An e-mail: subject, HTML part and plain-text part (templates; the HTML one is autoescaped when rendered).
 * Lint requires the text part: mail clients and spam filters expect it, and it is what the dialogue centre shows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmailVariant(String subject, String html, String text) implements ChannelVariant {

    @JsonIgnore
    @Override
    public VariantKind kind() {
        return VariantKind.EMAIL;
    }
}
