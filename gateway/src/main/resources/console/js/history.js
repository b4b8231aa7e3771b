// A template's published versions, the audit trail, and rollback.
import { get, post } from './api.js';
import { h, clear } from './dom.js';
import { fullTime } from './format.js';
import { showError, showInfo } from './notify.js';

const ACTIONS = { draft_saved: 'черновик сохранён', draft_discarded: 'черновик отменён', published: 'опубликовано', rolled_back: 'откат' };
const AUDIT_SHOWN = 8;

export class History {
  /** @param onRolledBack called after a rollback, so the editor reloads */
  constructor(onRolledBack) {
    this.onRolledBack = onRolledBack;
    this.element = h('section', { class: 'history', 'aria-label': 'История версий' });
  }

  async load(key) {
    this.key = key;
    try {
      this.render(await get('/v1/templates/' + encodeURIComponent(key) + '/versions'));
    } catch (e) {
      if (e.status === 404) {
        clear(this.element);
      } else {
        showError(e);
      }
    }
  }

  render(body) {
    const versions = [...body.versions].reverse();
    const latest = versions.length ? versions[0].version : null;
    const smsText = (v) => v.content && v.content.channels && v.content.channels.sms ? v.content.channels.sms.text : '';
    clear(this.element).append(
      h('h3', {}, 'История версий'),
      versions.length ? h('ol', { class: 'versions', reversed: true },
        versions.map((v) => h('li', { class: 'version', dataset: { version: String(v.version) } },
          h('div', { class: 'version-head' },
            h('strong', {}, 'Версия ' + v.version),
            v.rolledBackFrom ? h('span', { class: 'muted' }, ' (откат к версии ' + v.rolledBackFrom + ')') : null,
            h('span', { class: 'muted' }, ' · ' + fullTime(v.publishedAt) + ' · ' + v.publishedBy),
            v.version === latest ? h('span', { class: 'label current' }, 'текущая')
              : h('button', { type: 'button', class: 'ghost small', onclick: () => this.rollback(v.version) }, 'Вернуть эту версию')),
          smsText(v) ? h('p', { class: 'version-text' }, smsText(v)) : null)))
        : h('p', { class: 'muted' }, 'Шаблон ещё не публиковался'),
      body.audit.length ? h('details', { class: 'audit' }, h('summary', {}, 'Журнал изменений'),
        h('ul', {}, body.audit.slice(-AUDIT_SHOWN).reverse().map((a) => h('li', {},
          fullTime(a.at) + ' — ' + (ACTIONS[a.action] || a.action) + (a.version ? ' ' + a.version : '') + ' · ' + a.actor))))
        : null);
  }

  async rollback(version) {
    try {
      const r = await post('/v1/templates/' + encodeURIComponent(this.key) + '/rollback', { version });
      showInfo('Опубликована версия ' + r.version + ' (содержимое версии ' + version + ')');
      this.onRolledBack();
    } catch (e) {
      showError(e);
    }
  }
}
