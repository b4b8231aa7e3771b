package vestnik.templates.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vestnik.templates.model.VariantKind;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.render.RenderedContent;
import vestnik.templates.sms.SmsSegmenter;
import vestnik.templates.sms.SmsSplit;

/**
 * Lengths, judged on the text rendered with sample values: SMS parts at most the tenant's maximum; Telegram
 * 4096, MAX 4000, Viber 7000 characters (UTF-16 units, as Telegram counts); the shared messenger text must fit
 * the strictest messenger it may serve (MAX).
 */
final class ChannelLimitsRule implements LintRule {

    @Override
    public List<Finding> check(LintSubject s) {
        List<Finding> out = new ArrayList<>();
        int maxParts = s.context().config().maxSmsParts();
        for (Map.Entry<VariantSlot, RenderedContent> e : s.rendered().entrySet()) {
            VariantSlot slot = e.getKey();
            String text = e.getValue().text();
            if (slot == VariantSlot.SMS && text != null && !text.isEmpty()) {
                SmsSplit split = SmsSegmenter.split(text);
                if (split.partCount() > maxParts) {
                    out.add(Finding.blocking(FindingCode.SMS_TOO_LONG, slot.jsonName(), "sms takes " + split.partCount()
                            + " parts (" + split.encoding() + ", " + split.units() + " characters) with sample values; "
                            + "at most " + maxParts + " allowed"));
                }
            }
            if (slot.textLimit().isPresent() && text != null && text.length() > slot.textLimit().getAsInt()) {
                out.add(Finding.blocking(FindingCode.TEXT_TOO_LONG, slot.jsonName(), slot.jsonName() + " text is "
                        + text.length() + " characters with sample values; "
                        + (slot == VariantSlot.MESSENGER ? "the shared messenger text also serves MAX, which allows "
                        : "the channel allows ") + slot.textLimit().getAsInt()));
            }
            if ((slot.kind() == VariantKind.SMS || slot.kind() == VariantKind.MESSENGER) && text != null && text.isBlank()) {
                    out.add(Finding.blocking(FindingCode.EMPTY_TEXT, slot.jsonName(), slot.jsonName()
                        + " renders to an empty text with sample values"));
            }
        }
        return out;
    }
}
