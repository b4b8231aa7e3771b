package vestnik.templates.preview;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import vestnik.templates.render.Problem;
import vestnik.templates.render.RenderedContent;

/**
 * One channel of a preview, as the API returns it: {@code {"text":…,"encoding":"UCS2","parts":2,
 * "charsPerPart":67,"cost":14.00}} for SMS. A variant that does not render has {@code problems} and no text.
 *
 * @param length         characters of {@code text} (UTF-16 units)
 * @param encoding       SMS only: {@code GSM7} or {@code UCS2}
 * @param parts          SMS only: how many parts (billed each)
 * @param charsPerPart   SMS only: characters per part for this text (160/153 GSM-7, 70/67 UCS-2)
 * @param callSeconds    IVR only: estimated speech length
 * @param cost           roubles for one message to one debtor, from the tariff
 * @param content        the full rendered variant (e-mail subject and HTML, buttons, WhatsApp parameters, menu)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChannelPreview(
        String text,
        Integer length,
        String encoding,
        Integer parts,
        Integer charsPerPart,
        Integer callSeconds,
        BigDecimal cost,
        RenderedContent content,
        List<Problem> problems) {

    public ChannelPreview {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    static ChannelPreview failed(List<Problem> problems) {
        return new ChannelPreview(null, null, null, null, null, null, null, null, problems);
    }
}
