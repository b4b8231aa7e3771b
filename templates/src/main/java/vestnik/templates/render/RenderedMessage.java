package vestnik.templates.render;

import vestnik.templates.model.VariantSlot;

/**
 * The result of rendering one template for one channel, with the key and version the message must record.
 *
 * @param templateVersion null when a draft was rendered (preview only; never sent)
 */
public record RenderedMessage(String templateKey, Integer templateVersion, VariantSlot slot, RenderedContent content) {

    public String text() {
        return content.text();
    }
}
