/**
 * Templates as data: {@link vestnik.templates.model.TemplateContent} (declared, typed variables and one variant per
 * {@link vestnik.templates.model.VariantSlot}) is what a marketer edits; {@link vestnik.templates.model.TemplateHistory}
 * holds the draft, the immutable numbered versions and the audit trail, and its operations (save a draft, publish,
 * roll back, resolve a pin) are pure functions returning the next history. Every record binds with a plain Jackson
 * {@code ObjectMapper}; storing it is the gateway's business.
 */
package vestnik.templates.model;
