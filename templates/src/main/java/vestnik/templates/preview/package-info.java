/**
 * Previews for marketing: each variant rendered, with SMS encoding, characters per part and part count, and the cost
 * of one message from the tenant's {@link vestnik.templates.preview.Tariff}. Start at
 * {@link vestnik.templates.preview.Previewer}.
 */
package vestnik.templates.preview;
