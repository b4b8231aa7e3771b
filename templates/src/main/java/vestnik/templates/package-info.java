/** Message templates: a pure library with no I/O (model, rendering, publish checks, SMS segments). */
package vestnik.templates;
