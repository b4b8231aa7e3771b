package vestnik.templates.lint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vestnik.templates.model.Template;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.render.BoundValues;
import vestnik.templates.render.Problem;
import vestnik.templates.render.RenderException;
import vestnik.templates.render.RenderedContent;
import vestnik.templates.render.SampleValues;
import vestnik.templates.render.TemplateRenderer;

/**
 * The checks a template must pass before it is published: it renders with its sample values; every message names
 * the creditor and a contact phone; each channel's limits hold; each variant is complete; no forbidden phrase.
 */
public final class TemplateLinter {

    private final TemplateRenderer renderer;
    private final List<LintRule> rules = List.of(
            new StructureRule(), new IdentificationRule(), new ChannelLimitsRule(), new ForbiddenPhraseRule());

    public TemplateLinter(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    public LintReport lint(Template template, LintContext context) {
        List<Finding> findings = new ArrayList<>();
        if (template.content().channels().present().isEmpty()) {
            findings.add(Finding.blocking(FindingCode.NO_CHANNELS, null, "the template has no channel variants"));
        }
        BoundValues samples = null;
        try {
            samples = renderer.bind(template.content(), SampleValues.of(template.content(), context.tenant()),
                    context.tenant());
        } catch (RenderException e) {
            e.problems().forEach(p -> findings.add(Finding.blocking(FindingCode.BAD_SAMPLE, null,
                    "sample of " + p.message())));
        }
        Map<VariantSlot, RenderedContent> rendered = new EnumMap<>(VariantSlot.class);
        if (samples != null) {
            for (VariantSlot slot : template.content().channels().present().keySet()) {
                try {
                    rendered.put(slot, renderer.render(template, slot, samples).content());
                } catch (RenderException e) {
                    for (Problem p : e.problems()) {
                        findings.add(Finding.blocking(FindingCode.DOES_NOT_RENDER, slot.jsonName(), p.message()));
                    }
                }
            }
        }
        LintSubject subject = new LintSubject(template, context, samples, rendered);
        rules.forEach(rule -> findings.addAll(rule.check(subject)));
        return new LintReport(findings);
    }
}
