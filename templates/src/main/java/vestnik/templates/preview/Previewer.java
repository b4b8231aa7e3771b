package vestnik.templates.preview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import vestnik.templates.model.Template;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.render.BoundValues;
import vestnik.templates.render.RenderException;
import vestnik.templates.render.RenderedContent;
import vestnik.templates.render.TemplateRenderer;
import vestnik.templates.sms.SmsSegmenter;
import vestnik.templates.sms.SmsSplit;

/** Renders every variant of a template and says what each costs: the figure marketing needs before a campaign. */
public final class Previewer {

    private final TemplateRenderer renderer;

    public Previewer(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * @param input variables to preview with; those left out take sample values (listed in {@link Preview#sampled()})
     * @throws RenderException when a given value is invalid or not declared: the request is wrong, not one channel
     */
    public Preview preview(Template template, Map<String, ?> input, TenantProfile tenant, Tariff tariff)
            throws RenderException {
        BoundValues values = renderer.bindForPreview(template.content(), input, tenant);
        Map<String, ChannelPreview> channels = new LinkedHashMap<>();
        for (VariantSlot slot : template.content().channels().present().keySet()) {
            ChannelPreview preview;
            try {
                preview = of(slot, renderer.render(template, slot, values).content(), tariff);
            } catch (RenderException e) {
                preview = ChannelPreview.failed(e.problems());
            }
            channels.put(slot.jsonName(), preview);
        }
        return new Preview(template.key(), template.version(), channels, values.fromSamples());
    }

    private static ChannelPreview of(VariantSlot slot, RenderedContent content, Tariff tariff) {
        String text = content.text();
        Integer length = text == null ? null : text.length();
        return switch (slot.kind()) {
            case SMS -> {
                SmsSplit split = SmsSegmenter.split(text);
                yield new ChannelPreview(text, length, split.encoding().name(), split.partCount(), split.charsPerPart(),
                        null, money(tariff.smsPart().multiply(BigDecimal.valueOf(split.partCount()))), content, null);
            }
            case MESSENGER, WHATSAPP -> new ChannelPreview(text, length, null, null, null, null,
                    money(tariff.messengerMessage()), content, null);
            case EMAIL -> new ChannelPreview(text, length, null, null, null, null, money(tariff.email()), content, null);
            case IVR -> {
                int seconds = CallLength.seconds(((RenderedContent.Ivr) content).speech());
                BigDecimal cost = tariff.callMinute().multiply(BigDecimal.valueOf(CallLength.billedMinutes(seconds)))
                        .add(tariff.callAttempt());
                yield new ChannelPreview(text, length, null, null, null, seconds, money(cost), content, null);
            }
        };
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
