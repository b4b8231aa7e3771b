package vestnik.templates.render;

import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vestnik.templates.model.ChannelVariant;
import vestnik.templates.model.EmailVariant;
import vestnik.templates.model.IvrPrompt;
import vestnik.templates.model.IvrVariant;
import vestnik.templates.model.MessengerButton;
import vestnik.templates.model.MessengerVariant;
import vestnik.templates.model.SmsVariant;
import vestnik.templates.model.Template;
import vestnik.templates.model.TemplateContent;
import vestnik.templates.model.TenantProfile;
import vestnik.templates.model.VariableRole;
import vestnik.templates.model.VariableSpec;
import vestnik.templates.model.VariantSlot;
import vestnik.templates.model.WhatsAppVariant;

/**
 * Renders templates strictly: every declared variable must have a value of its type, nothing undeclared may be
 * given or used, and a failure lists every problem with the variable it concerns — a debtor never gets a
 * message with a hole in it. Thread-safe; compiled templates are cached, so keep one instance.
 */
public final class TemplateRenderer {

    private static final Pattern WHATSAPP_PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\d+)\\s*}}");

    private final CompiledTemplates compiled;

    public TemplateRenderer() {
        this(2048);
    }

    /** @param cacheCapacity how many compiled template texts to keep */
    public TemplateRenderer(int cacheCapacity) {
        this.compiled = new CompiledTemplates(cacheCapacity);
    }

    /**
     * Renders {@code template} for a gateway channel type ({@code smpp}, {@code telegram}, …), picking the most
     * specific variant ({@code telegram}, else {@code messenger}).
     *
     * @param input  the job's variables as parsed from JSON (strings, numbers)
     * @param tenant the tenant's settings, which fill the creditor and contact-phone variables a job leaves out
     */
    public RenderedMessage renderForChannel(Template template, String channelType, Map<String, ?> input,
                                            TenantProfile tenant) throws RenderException {
        VariantSlot slot = template.content().channels().slotFor(channelType).orElseThrow(() -> new RenderException(
                new Problem(ProblemCode.NO_VARIANT, null, "template " + template.key() + " has no variant for channel type '"
                        + channelType + "'")));
        return render(template, slot, input, tenant);
    }

    /** Renders the variant in {@code slot}; see {@link #renderForChannel}. */
    public RenderedMessage render(Template template, VariantSlot slot, Map<String, ?> input, TenantProfile tenant)
            throws RenderException {
        return render(template, slot, bind(template.content(), input, tenant));
    }

    /**
     * Checks and converts input values against the declarations. Problems: MISSING_VARIABLE, UNKNOWN_VARIABLE
     * (input the template does not declare), INVALID_VALUE.
     */
    public BoundValues bind(TemplateContent content, Map<String, ?> input, TenantProfile tenant) throws RenderException {
        return bind(content, input, tenant, false);
    }

    /**
     * Like {@link #bind}, but a variable the input leaves out takes its sample value (see {@link SampleValues}),
     * listed in {@link BoundValues#fromSamples()}: marketers preview before they have real data.
     */
    public BoundValues bindForPreview(TemplateContent content, Map<String, ?> input, TenantProfile tenant)
            throws RenderException {
        return bind(content, input, tenant, true);
    }

    /** Renders the variant in {@code slot} with values already bound. */
    public RenderedMessage render(Template template, VariantSlot slot, BoundValues values) throws RenderException {
        ChannelVariant variant = template.content().channels().get(slot).orElseThrow(() -> new RenderException(
                new Problem(ProblemCode.NO_VARIANT, null, "template " + template.key() + " has no "
                        + slot.jsonName() + " variant")));
        List<Problem> problems = new ArrayList<>();
        Evaluation eval = new Evaluation(values, problems);
        String where = slot.jsonName();
        RenderedContent content;
        if (variant instanceof SmsVariant sms) {
            content = new RenderedContent.Sms(eval.required(sms.text(), false, where));
        } else if (variant instanceof MessengerVariant m) {
            content = new RenderedContent.Messenger(eval.required(m.text(), false, where),
                    buttons(m.buttons(), eval, where));
        } else if (variant instanceof WhatsAppVariant wa) {
            content = whatsApp(wa, values, problems, where);
        } else if (variant instanceof EmailVariant email) {
            content = new RenderedContent.Email(
                    eval.required(email.subject(), false, where + ".subject"),
                    eval.optional(email.html(), true, where + ".html"),
                    eval.optional(email.text(), false, where + ".text"));
        } else {
            content = ivr((IvrVariant) variant, eval, where);
        }
        if (!problems.isEmpty()) {
            throw new RenderException(dedupe(problems));
        }
        return new RenderedMessage(template.key(), template.version(), slot, content);
    }

    int cachedTemplates() {
        return compiled.size();
    }

    private BoundValues bind(TemplateContent content, Map<String, ?> input, TenantProfile tenant, boolean samples)
            throws RenderException {
        Map<String, ?> given = input == null ? Map.of() : input;
        TenantProfile t = tenant == null ? TenantProfile.unknown() : tenant;
        Map<String, Object> sampleValues = samples ? SampleValues.of(content, t) : Map.of();
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> bound = new LinkedHashMap<>();
        List<String> fromSamples = new ArrayList<>();
        given.keySet().stream().filter(name -> !content.variables().containsKey(name)).forEach(name ->
                problems.add(new Problem(ProblemCode.UNKNOWN_VARIABLE, name,
                        "variable '" + name + "' is not declared by the template")));
        for (Map.Entry<String, VariableSpec> declared : content.variables().entrySet()) {
            String name = declared.getKey();
            VariableSpec spec = declared.getValue();
            Object raw = given.get(name);
            if (raw == null) {
                raw = tenantValue(spec.effectiveRole(name), t);
            }
            if (raw == null && samples) {
                raw = sampleValues.get(name);
                fromSamples.add(name);
            }
            if (raw == null) {
                problems.add(new Problem(ProblemCode.MISSING_VARIABLE, name, "variable '" + name + "' ("
                        + spec.type().jsonName() + ") has no value"));
                continue;
            }
            try {
                bound.put(name, ValueConverter.convert(spec.type(), raw));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(ProblemCode.INVALID_VALUE, name, "variable '" + name + "' ("
                        + spec.type().jsonName() + ") " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RenderException(problems);
        }
        return new BoundValues(bound, fromSamples);
    }

    private static Object tenantValue(VariableRole role, TenantProfile tenant) {
        return switch (role) {
            case CREDITOR -> tenant.name();
            case CONTACT_PHONE -> tenant.phone();
            case NONE -> null;
        };
    }

    private static List<RenderedContent.Button> buttons(List<MessengerButton> buttons, Evaluation eval, String where) {
        List<RenderedContent.Button> out = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            MessengerButton b = buttons.get(i);
            String at = where + ".buttons[" + i + "]";
            out.add(new RenderedContent.Button(
                    eval.required(b.text(), false, at + ".text"),
                    eval.optional(b.url(), false, at + ".url"),
                    eval.optional(b.payload(), false, at + ".payload")));
        }
        return out;
    }

    private static RenderedContent.Ivr ivr(IvrVariant ivr, Evaluation eval, String where) {
        List<RenderedContent.Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < ivr.prompts().size(); i++) {
            IvrPrompt p = ivr.prompts().get(i);
            prompts.add(new RenderedContent.Prompt(eval.optional(p.tts(), false, where + ".prompts[" + i + "]"), p.sound()));
        }
        return new RenderedContent.Ivr(prompts, ivr.menu());
    }

    private static RenderedContent.WhatsApp whatsApp(WhatsAppVariant wa, BoundValues values, List<Problem> problems,
                                                     String where) {
        List<String> parameters = new ArrayList<>();
        for (String name : wa.parameters()) {
            if (!values.values().containsKey(name)) {
                problems.add(new Problem(ProblemCode.UNKNOWN_VARIABLE, name,
                        where + " maps a parameter to '" + name + "', which the template does not declare"));
            }
            parameters.add(values.display(name));
        }
        String body = null;
        if (wa.body() != null) {
            StringBuilder out = new StringBuilder();
            Matcher m = WHATSAPP_PLACEHOLDER.matcher(wa.body());
            while (m.find()) {
                int index = Integer.parseInt(m.group(1));
                String value = index >= 1 && index <= parameters.size() ? parameters.get(index - 1) : null;
                if (index < 1 || index > parameters.size()) {
                    problems.add(new Problem(ProblemCode.RENDER_FAILED, null, where + " body uses {{" + index
                            + "}} but " + parameters.size() + " parameter(s) are mapped"));
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
            }
            m.appendTail(out);
            body = out.toString();
        }
        return new RenderedContent.WhatsApp(wa.name(), wa.language(), parameters, body);
    }

    private static List<Problem> dedupe(List<Problem> problems) {
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    /** Evaluates the texts of one variant, collecting problems instead of stopping at the first. */
    private final class Evaluation {
        private final BoundValues values;
        private final List<Problem> problems;

        Evaluation(BoundValues values, List<Problem> problems) {
            this.values = values;
            this.problems = problems;
        }

        String required(String source, boolean html, String where) {
            if (source == null) {
                problems.add(new Problem(ProblemCode.RENDER_FAILED, null, where + " is missing from the template"));
                return null;
            }
            return optional(source, html, where);
        }

        String optional(String source, boolean html, String where) {
            if (source == null) {
                return null;
            }
            try {
                PebbleTemplate template = compiled.get(source, html);
                StringWriter out = new StringWriter(source.length() + 64);
                // a fresh map per text: {% set %} in one text must not leak into the next
                template.evaluate(out, new HashMap<>(values.values()));
                return out.toString();
            } catch (PebbleException e) {
                problems.add(problemOf(e, where));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                problems.add(new Problem(ProblemCode.RENDER_FAILED, null, where + ": " + e.getMessage()));
            }
            return null;
        }
    }

    private static Problem problemOf(PebbleException e, String where) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RootAttributeNotFoundException r) {
                return new Problem(ProblemCode.UNKNOWN_VARIABLE, r.getAttributeName(), where + " uses {{ "
                        + r.getAttributeName() + " }}, which the template does not declare");
            }
            if (t instanceof AttributeNotFoundException a) {
                return new Problem(ProblemCode.UNKNOWN_ATTRIBUTE, null, where + line(a) + ": no attribute '"
                        + a.getAttributeName() + "'");
            }
            if (t instanceof FilterInputException f) {
                return new Problem(ProblemCode.FILTER_INPUT, null, where + line(f) + ": " + f.getPebbleMessage());
            }
            if (t instanceof ParserException p) {
                return new Problem(ProblemCode.TEMPLATE_SYNTAX, null, where + line(p) + ": " + p.getPebbleMessage());
            }
        }
        return new Problem(ProblemCode.RENDER_FAILED, null, where + line(e) + ": " + e.getPebbleMessage());
    }

    private static String line(PebbleException e) {
        return e.getLineNumber() == null || e.getLineNumber() < 1 ? "" : " line " + e.getLineNumber();
    }
}
