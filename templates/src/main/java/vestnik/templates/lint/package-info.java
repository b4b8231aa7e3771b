/**
 * Publish checks: {@link vestnik.templates.lint.TemplateLinter} renders every variant with sample values and reports
 * {@link vestnik.templates.lint.Finding}s (identification of creditor and contact phone, channel limits, completeness,
 * forbidden phrases); {@link vestnik.templates.lint.PublishGate} publishes or rolls back only what passes.
 */
package vestnik.templates.lint;
