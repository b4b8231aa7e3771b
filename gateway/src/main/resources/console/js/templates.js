// Templates for marketers: the list, a new template, and the editor.
import { get } from './api.js';
import { h, clear, debounce } from './dom.js';
import { shortTime } from './format.js';
import { showError } from './notify.js';
import { Editor } from './editor.js';

const KEY = /^[a-z0-9_-]{1,64}$/;

export class Templates {
  constructor(section) {
    this.section = section;
    this.list = h('ul', { class: 'template-list', 'aria-label': 'Шаблоны' });
    const key = h('input', { type: 'text', placeholder: 'ключ, напр. debt-soft', 'aria-label': 'Ключ нового шаблона', required: true });
    const error = h('p', { class: 'form-error', hidden: true });
    const form = h('form', {
      class: 'new-template', onsubmit: (e) => {
        e.preventDefault();
        const k = key.value.trim();
        if (!KEY.test(k)) {
          error.textContent = 'Ключ: латинские строчные буквы, цифры, «-» и «_», до 64 символов';
          error.hidden = false;
          return;
        }
        error.hidden = true;
        key.value = '';
        this.selected = k;
        this.editor.create(k).then(() => this.load());
      },
    }, h('h3', {}, 'Новый шаблон'), key, error, h('button', { type: 'submit', class: 'ghost' }, 'Создать'));
    const editorBox = h('div', { class: 'editor' });
    this.editor = new Editor(editorBox, debounce(() => this.load(), 300));
    clear(section).append(h('aside', { class: 'template-side' }, h('h2', {}, 'Шаблоны'), this.list, form), editorBox);
  }

  show() {
    this.load();
  }

  async load() {
    try {
      const body = await get('/v1/templates');
      this.render(body.templates);
    } catch (e) {
      showError(e);
    }
  }

  render(templates) {
    clear(this.list);
    for (const t of templates) {
      const selected = t.key === this.selected;
      this.list.append(h('li', {}, h('button', {
        type: 'button', class: 'template-item' + (selected ? ' selected' : ''), 'aria-current': selected ? 'true' : null,
        dataset: { key: t.key }, onclick: () => this.open(t.key),
      },
      h('span', { class: 'row' }, h('strong', {}, t.key),
        t.draft ? h('span', { class: 'label draft' }, 'черновик') : null,
        t.latestVersion ? h('span', { class: 'label' }, 'v' + t.latestVersion) : null),
      t.description ? h('span', { class: 'muted small' }, t.description) : null,
      h('span', { class: 'muted small' }, shortTime(t.updatedAt) + (t.updatedBy ? ' · ' + t.updatedBy : '')))));
    }
    if (!templates.length) this.list.append(h('li', { class: 'muted' }, 'Шаблонов пока нет'));
  }

  open(key) {
    this.selected = key;
    this.list.querySelectorAll('.template-item').forEach((b) => {
      b.classList.toggle('selected', b.dataset.key === key);
      if (b.dataset.key === key) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
    });
    this.editor.open(key);
  }
}
