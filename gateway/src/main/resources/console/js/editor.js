// One template's editor: its channel variants, variables and samples, saved as a draft as the marketer types,
// with the lint findings inline and a live preview; publish and discard.
import { request, get, post } from './api.js';
import { h, clear, debounce } from './dom.js';
import { fullTime } from './format.js';
import { showError, showInfo } from './notify.js';
import { renderPreview } from './preview.js';
import { History } from './history.js';
import { channelName, findingText, errorText, VARIABLE_TYPES, SLOTS, FIELD_NAMES } from './texts.js';

const SAVE_AFTER_MS = 400;
/** The variant fields that are plain text and edited as such; others (buttons, menus) are kept as they are. */
const TEXT_FIELDS = ['subject', 'text', 'html', 'body'];

const path = (key, rest = '') => '/v1/templates/' + encodeURIComponent(key) + rest;

export class Editor {
  /** @param onSaved called after every change the server took, so the list follows */
  constructor(box, onSaved) {
    this.box = box;
    this.onSaved = onSaved;
    this.samples = {};
    this.save = debounce(() => this.saveDraft(), SAVE_AFTER_MS);
    this.history = new History(() => this.open(this.key));
    clear(box).append(h('p', { class: 'muted empty' }, 'Выберите шаблон слева или создайте новый'));
  }

  async open(key) {
    this.save.cancel();
    this.key = key;
    try {
      const t = await get(path(key));
      if (this.key !== key) return;
      this.load(t);
      this.history.load(key);
      this.preview();
    } catch (e) {
      showError(e);
    }
  }

  /** A template that does not exist yet: its first draft is saved at once. */
  async create(key, description) {
    this.key = key;
    this.revision = null;
    this.content = { description, variables: { creditor: 'string', amount: 'money', phone: 'phone' }, channels: { sms: { text: '{{creditor}}: задолженность {{amount}}. Тел. {{phone}}' } } };
    await this.saveDraft();
    this.load({ key, revision: this.revision, draft: { content: this.content } });
    this.history.load(key);
  }

  load(t) {
    this.revision = t.revision;
    this.latest = t.latest || null;
    this.draft = t.draft || null;
    this.content = structuredClone((t.draft || t.latest).content);
    this.findings = [];
    this.render();
  }

  render() {
    const c = this.content;
    this.status = h('p', { class: 'save-status muted', role: 'status' });
    this.general = h('ul', { class: 'findings general' });
    this.previews = {};
    this.channelFindings = {};
    const variants = SLOTS.filter((s) => c.channels[s]);
    const addable = SLOTS.filter((s) => !c.channels[s] && s !== 'whatsapp' && s !== 'ivr');
    clear(this.box).append(
      h('header', { class: 'editor-head' },
        h('div', {}, h('h2', {}, this.key), this.status),
        h('div', { class: 'editor-actions' },
          h('button', { type: 'button', class: 'ghost', onclick: () => this.discard(), disabled: !this.draft }, 'Отменить черновик'),
          h('button', { type: 'button', class: 'primary', id: 'publish', onclick: () => this.publish() }, 'Опубликовать'))),
      this.general,
      h('label', { class: 'field' }, h('span', {}, 'Описание'),
        h('input', { type: 'text', value: c.description || '', oninput: (e) => { c.description = e.target.value || undefined; this.save(); } })),
      this.variablesSection(),
      ...variants.map((slot) => this.variantSection(slot)),
      addable.length ? h('label', { class: 'field add-channel' }, h('span', {}, 'Добавить канал'),
        h('select', { onchange: (e) => this.addChannel(e.target.value) }, h('option', { value: '' }, '—'),
          addable.map((s) => h('option', { value: s }, channelName(s))))) : null,
      this.history.element);
    this.showStatus();
    this.showFindings();
  }

  variablesSection() {
    const vars = this.content.variables || {};
    const typeOf = (spec) => (typeof spec === 'string' ? spec : spec.type);
    const name = h('input', { type: 'text', placeholder: 'имя', 'aria-label': 'Имя новой переменной', pattern: '[A-Za-z_][A-Za-z0-9_]*' });
    const type = h('select', { 'aria-label': 'Тип новой переменной' }, VARIABLE_TYPES.map(([v, t]) => h('option', { value: v }, t)));
    return h('section', { class: 'variables', 'aria-label': 'Переменные' },
      h('h3', {}, 'Переменные и примеры для предпросмотра'),
      h('table', {}, h('tbody', {}, Object.entries(vars).map(([n, spec]) => h('tr', {},
        h('th', { scope: 'row' }, h('code', {}, '{{' + n + '}}')),
        h('td', {}, (VARIABLE_TYPES.find(([v]) => v === typeOf(spec)) || [null, typeOf(spec)])[1]),
        h('td', {}, h('input', {
          type: 'text', value: this.samples[n] || '', placeholder: 'пример', 'aria-label': 'Пример значения ' + n,
          oninput: (e) => { this.samples[n] = e.target.value; this.previewSoon(); },
        })),
        h('td', {}, h('button', { type: 'button', class: 'ghost small', 'aria-label': 'Удалить переменную ' + n,
          onclick: () => { delete vars[n]; this.render(); this.save(); } }, '×')))))),
      h('div', { class: 'add-variable' }, name, type, h('button', {
        type: 'button', class: 'ghost small', onclick: () => {
          if (!name.value.trim()) return;
          this.content.variables = { ...vars, [name.value.trim()]: type.value };
          this.render();
          this.save();
        },
      }, 'Добавить переменную')));
  }

  variantSection(slot) {
    const variant = this.content.channels[slot];
    const fields = TEXT_FIELDS.filter((f) => typeof variant[f] === 'string' || (f === 'text' && slot !== 'ivr' && slot !== 'whatsapp'));
    this.previews[slot] = h('div', { class: 'preview-box', 'aria-live': 'polite' });
    this.channelFindings[slot] = h('ul', { class: 'findings' });
    return h('section', { class: 'variant', dataset: { channel: slot } },
      h('div', { class: 'variant-edit' },
        h('h3', {}, channelName(slot),
          h('button', { type: 'button', class: 'ghost small', 'aria-label': 'Убрать канал ' + channelName(slot),
            onclick: () => { delete this.content.channels[slot]; this.render(); this.save(); } }, 'убрать')),
        fields.map((f) => h('label', { class: 'field' }, h('span', {}, FIELD_NAMES[f] || f),
          h('textarea', {
            rows: f === 'html' ? '6' : '4', class: 'variant-' + f, value: variant[f] || '',
            oninput: (e) => { variant[f] = e.target.value; this.save(); },
          }))),
        Object.keys(variant).some((k) => !TEXT_FIELDS.includes(k))
          ? h('p', { class: 'muted small' }, 'Кнопки, меню и параметры этого канала сохраняются без изменений.') : null,
        this.channelFindings[slot]),
      this.previews[slot]);
  }

  addChannel(slot) {
    if (!slot) return;
    this.content.channels[slot] = slot === 'email' ? { subject: '', text: '' } : { text: '' };
    this.render();
    this.save();
  }

  showStatus() {
    const parts = [];
    if (this.latest) parts.push('Опубликована версия ' + this.latest.version + ' · ' + fullTime(this.latest.publishedAt));
    if (this.draft) parts.push('есть неопубликованный черновик');
    this.status.textContent = parts.join(' · ') || 'Новый шаблон';
  }

  showFindings() {
    clear(this.general);
    Object.values(this.channelFindings).forEach((el) => clear(el));
    for (const f of this.findings) {
      const item = h('li', { class: 'finding ' + (f.blocking ? 'blocking' : 'warning'), title: f.message },
        h('strong', {}, (f.blocking ? 'Ошибка: ' : 'Предупреждение: ') + findingText(f.code)),
        f.message ? h('span', { class: 'detail' }, ' — ' + f.message) : null);
      (this.channelFindings[f.channel] || this.general).append(item);
    }
  }

  async saveDraft() {
    const key = this.key;
    if (this.saving) {
      this.again = true;
      return;
    }
    this.saving = true;
    try {
      const headers = this.revision ? { 'If-Match': '"' + this.revision + '"' } : {};
      const saved = await request('PUT', path(key), this.content, headers);
      if (this.key !== key) return;
      this.revision = saved.revision;
      this.draft = saved.draft || null;
      this.latest = saved.latest || null;
      this.findings = saved.findings || [];
      if (this.status) {
        this.showStatus();
        this.showFindings();
        this.box.querySelector('.editor-actions .ghost').disabled = !this.draft;
      }
      this.onSaved();
      this.preview();
    } catch (e) {
      showError(e);
      if (e.code === 'revision_mismatch') this.open(key);
    } finally {
      this.saving = false;
      if (this.again) {
        this.again = false;
        this.saveDraft();
      }
    }
  }

  previewSoon() {
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => this.preview(), SAVE_AFTER_MS);
  }

  async preview() {
    const key = this.key;
    const variables = Object.fromEntries(Object.entries(this.samples).filter(([n, v]) => v !== '' && this.content.variables && n in this.content.variables));
    try {
      const p = await post(path(key, '/preview'), { variables });
      if (this.key !== key) return;
      for (const [slot, box] of Object.entries(this.previews)) {
        box.replaceChildren(renderPreview(slot, p.channels[slot]));
      }
    } catch (e) {
      for (const box of Object.values(this.previews)) {
        box.replaceChildren(h('p', { class: 'finding blocking' }, errorText(e.code, e.message),
          e.details ? h('span', { class: 'detail' }, ' — ' + e.details.map((d) => d.message || d.code).join('; ')) : null));
      }
    }
  }

  async publish() {
    this.save.cancel();
    if (this.saving || this.again) await new Promise((r) => setTimeout(r, SAVE_AFTER_MS));
    try {
      const r = await request('POST', path(this.key, '/publish'), undefined, { 'If-Match': '"' + this.revision + '"' });
      showInfo('Опубликована версия ' + r.version);
      await this.open(this.key);
      this.onSaved();
      document.getElementById('publish')?.focus();
    } catch (e) {
      if (e.code === 'lint_failed' && e.details) {
        this.findings = e.details.map((d) => ({ ...d, blocking: true }));
        this.showFindings();
      }
      showError(e);
    }
  }

  async discard() {
    try {
      const r = await request('DELETE', path(this.key), undefined, { 'If-Match': '"' + this.revision + '"' });
      this.onSaved();
      if (r.deleted) {
        this.key = null;
        clear(this.box).append(h('p', { class: 'muted empty' }, 'Черновик удалён'));
      } else {
        await this.open(this.key);
      }
    } catch (e) {
      showError(e);
    }
  }
}
