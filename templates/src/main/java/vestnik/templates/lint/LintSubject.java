package vestnik.templates.lint;

import java.util.Map;
import vestnik.templates.model.Template;
import vestnik.templates.render.BoundValues;
import vestnik.templates.render.RenderedContent;
import vestnik.templates.model.VariantSlot;

/**
 * What the rules look at: the template, the context, the sample values (null when they did not bind) and each
 * variant rendered with them (a variant that did not render is absent).
 */
record LintSubject(Template template, LintContext context, BoundValues samples,
                   Map<VariantSlot, RenderedContent> rendered) {
}
