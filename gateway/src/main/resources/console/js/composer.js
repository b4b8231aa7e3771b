// The reply box: channel choice, canned replies, notes. Enter sends, Shift+Enter starts a new line.
import { h, clear } from './dom.js';
import { channelName } from './texts.js';
import { showError } from './notify.js';
import { CANNED_REPLIES } from './canned.js';

export class Composer {
  /** @param actions {reply(text, channel), note(text)} returning promises */
  constructor(conversation, actions) {
    this.actions = actions;
    this.mode = 'reply';
    this.channel = h('select', { class: 'composer-channel', 'aria-label': 'Канал ответа' });
    this.canned = h('select', {
      class: 'composer-canned', 'aria-label': 'Готовый ответ',
      onchange: (e) => this.useCanned(e.target),
    }, h('option', { value: '' }, 'Готовые ответы…'),
    CANNED_REPLIES.map(([title], i) => h('option', { value: String(i) }, title)));
    this.text = h('textarea', {
      class: 'composer-text', rows: '3', 'aria-label': 'Текст ответа',
      placeholder: 'Ответ должнику… (Enter — отправить, Shift+Enter — новая строка)',
      onkeydown: (e) => this.onKey(e),
    });
    this.noteToggle = h('button', {
      type: 'button', class: 'ghost', 'aria-pressed': 'false', onclick: () => this.toggleNote(),
    }, 'Заметка');
    this.send = h('button', { type: 'submit', class: 'primary' }, 'Отправить');
    this.element = h('form', { class: 'composer', onsubmit: (e) => { e.preventDefault(); this.submit(); } },
      this.text,
      h('div', { class: 'composer-bar' }, this.channel, this.canned, this.noteToggle, this.send));
    this.setConversation(conversation);
  }

  setConversation(c) {
    const chosen = this.channel.value;
    clear(this.channel).append(
      h('option', { value: '' }, 'Канал: ' + (c.lastChannel ? channelName(c.lastChannel) + ' (последний)' : 'по умолчанию')),
      ...c.channels.filter((ch) => ch !== c.lastChannel).map((ch) => h('option', { value: ch }, 'Канал: ' + channelName(ch))));
    this.channel.value = [...this.channel.options].some((o) => o.value === chosen) ? chosen : '';
  }

  useCanned(select) {
    const picked = CANNED_REPLIES[Number(select.value)];
    if (select.value !== '' && picked) {
      this.text.value = picked[1];
      this.text.focus();
    }
    select.value = '';
  }

  toggleNote() {
    this.mode = this.mode === 'reply' ? 'note' : 'reply';
    const note = this.mode === 'note';
    this.noteToggle.setAttribute('aria-pressed', String(note));
    this.element.classList.toggle('note-mode', note);
    this.channel.disabled = note;
    this.text.placeholder = note ? 'Заметка для коллег — должник её не увидит' : 'Ответ должнику… (Enter — отправить, Shift+Enter — новая строка)';
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
    if (!text || this.busy) return;
    this.busy = true;
    this.send.disabled = true;
    try {
      if (this.mode === 'note') {
        await this.actions.note(text);
      } else {
        await this.actions.reply(text, this.channel.value || null);
      }
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
