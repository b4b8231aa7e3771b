// The reply box: channel choice, canned replies, notes. Enter sends, Shift+Enter starts a new line.
import { h, clear, debounce } from './dom.js';
import { channelName } from './texts.js';
import { showError } from './notify.js';
import { QUICK_PHRASES, publishedTemplates, templateVariables, cannedText } from './canned.js';

const REPLY_HINT = 'Ответ должнику… (Enter — отправить, Shift+Enter — новая строка)';

export class Composer {
  /** @param actions {reply(body), note(text)} returning promises; body is {text} or {template, variables}, with channel */
  constructor(conversation, actions) {
    this.actions = actions;
    this.mode = 'reply';
    this.template = null;
    this.replyChannels = [];
    this.channel = h('select', { class: 'composer-channel', 'aria-label': 'Канал ответа', onchange: () => this.refreshCanned() });
    this.canned = h('select', { class: 'composer-canned', 'aria-label': 'Готовый ответ', onchange: (e) => this.useCanned(e.target) });
    this.text = h('textarea', {
      class: 'composer-text', rows: '3', 'aria-label': 'Текст ответа', placeholder: REPLY_HINT,
      onkeydown: (e) => this.onKey(e),
    });
    this.templateBar = h('div', { class: 'composer-template', hidden: true });
    this.noteToggle = h('button', { type: 'button', class: 'ghost', 'aria-pressed': 'false', onclick: () => this.toggleNote() }, 'Заметка');
    this.send = h('button', { type: 'submit', class: 'primary' }, 'Отправить');
    this.element = h('form', { class: 'composer', onsubmit: (e) => { e.preventDefault(); this.submit(); } },
      this.templateBar, this.text,
      h('div', { class: 'composer-bar' }, this.channel, this.canned, this.noteToggle, this.send));
    this.refreshCanned = debounce(() => this.renderCannedText(), 250);
    this.setConversation(conversation);
    this.fillCanned();
  }

  async fillCanned() {
    const templates = await publishedTemplates();
    clear(this.canned).append(h('option', { value: '' }, 'Готовые ответы…'),
      templates.length ? h('optgroup', { label: 'Шаблоны' },
        templates.map((t) => h('option', { value: 't:' + t.key, dataset: { version: String(t.latestVersion) } },
          t.description ? t.key + ' — ' + t.description : t.key))) : null,
      h('optgroup', { label: 'Быстрые фразы' }, QUICK_PHRASES.map(([title], i) => h('option', { value: 'q:' + i }, title))));
  }

  /** The conversation as the server gives it; live updates carry no replyChannels, so the last known ones stay. */
  setConversation(c) {
    if (c.replyChannels) this.replyChannels = c.replyChannels;
    const chosen = this.channel.value;
    const options = this.replyChannels.length ? this.replyChannels
      : (c.lastChannel ? [{ channel: c.lastChannel }] : []);
    clear(this.channel).append(...options.map((r, i) => h('option', { value: r.channel },
      'Канал: ' + channelName(r.channel) + (i === 0 && r.channel === c.lastChannel ? ' (последний)' : ''))));
    if (!options.length) this.channel.append(h('option', { value: '' }, 'Канал: нет'));
    if ([...this.channel.options].some((o) => o.value === chosen)) this.channel.value = chosen;
  }

  channelType() {
    const r = this.replyChannels.find((x) => x.channel === this.channel.value);
    return r ? r.type : 'smpp';
  }

  async useCanned(select) {
    const value = select.value;
    const option = select.selectedOptions[0];
    select.value = '';
    if (value.startsWith('q:')) {
      this.leaveTemplate();
      this.text.value = QUICK_PHRASES[Number(value.slice(2))][1];
      this.text.focus();
    } else if (value.startsWith('t:')) {
      if (this.mode === 'note') this.toggleNote();
      await this.enterTemplate(value.slice(2), Number(option.dataset.version));
    }
  }

  /** A canned reply: the gateway renders the template for the channel; the agent fills the debtor's values. */
  async enterTemplate(key, version) {
    try {
      const names = await templateVariables(key);
      this.template = { key, version, values: {} };
      const inputs = names.map((n) => h('label', { class: 'template-var' }, h('span', {}, n),
        h('input', { type: 'text', 'aria-label': 'Значение ' + n, oninput: (e) => {
          if (e.target.value) this.template.values[n] = e.target.value; else delete this.template.values[n];
          this.refreshCanned();
        } })));
      clear(this.templateBar).append(h('strong', {}, 'Шаблон: ' + key), ...inputs,
        h('button', { type: 'button', class: 'ghost small', onclick: () => this.leaveTemplate() }, 'Писать текстом'));
      this.templateBar.hidden = false;
      this.text.readOnly = true;
      await this.renderCannedText();
      (this.templateBar.querySelector('input') || this.text).focus();
    } catch (e) {
      showError(e);
    }
  }

  async renderCannedText() {
    if (!this.template) return;
    const t = this.template;
    try {
      this.text.value = await cannedText(t.key, t.version, t.values, this.channelType());
    } catch (e) {
      this.text.value = '';
      this.text.placeholder = 'Заполните значения шаблона: ' + (e.message || e.code);
    }
  }

  leaveTemplate() {
    if (!this.template) return;
    this.template = null;
    this.templateBar.hidden = true;
    clear(this.templateBar);
    this.text.readOnly = false;
    this.text.value = '';
    this.text.placeholder = REPLY_HINT;
  }

  toggleNote() {
    this.leaveTemplate();
    this.mode = this.mode === 'reply' ? 'note' : 'reply';
    const note = this.mode === 'note';
    this.noteToggle.setAttribute('aria-pressed', String(note));
    this.element.classList.toggle('note-mode', note);
    this.channel.disabled = note;
    this.text.placeholder = note ? 'Заметка для коллег — должник её не увидит' : REPLY_HINT;
    this.send.textContent = note ? 'Добавить заметку' : 'Отправить';
    this.text.focus();
  }

  onKey(e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.submit();
    } else if (e.key === 'Escape') {
      this.text.blur();
      document.getElementById('conversation-list')?.focus();
    }
  }

  async submit() {
    const text = this.text.value.trim();
    if ((!text && !this.template) || this.busy) return;
    this.busy = true;
    this.send.disabled = true;
    try {
      if (this.mode === 'note') {
        await this.actions.note(text);
      } else {
        const body = this.template ? { template: this.template.key, variables: this.template.values } : { text };
        if (this.channel.value) body.channel = this.channel.value;
        await this.actions.reply(body);
      }
      this.leaveTemplate();
      this.text.value = '';
    } catch (e) {
      showError(e);
    } finally {
      this.busy = false;
      this.send.disabled = false;
      this.text.focus();
    }
  }

  focus() {
    this.text.focus();
  }
}
