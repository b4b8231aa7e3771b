/**
 * Strict rendering on Pebble: input values are checked and converted per declared type
 * ({@link vestnik.templates.render.ValueConverter}), every failure is a {@link vestnik.templates.render.Problem} that
 * names its variable, and typed values print in Russian formats ({@link vestnik.templates.render.RussianFormat}).
 * Plain-text variants are rendered without escaping, the e-mail HTML part with HTML autoescaping; messenger texts are
 * plain text, so a channel must send them without a parse mode. Start at
 * {@link vestnik.templates.render.TemplateRenderer}.
 */
package vestnik.templates.render;
