// One conversation: its timeline with channel badges and ticks, notes, and the actions on it.
import { get, post } from './api.js';
import { h, clear } from './dom.js';
import { channelBadge, tick, rank } from './channels.js';
import { shortTime, fullTime } from './format.js';
import { showError } from './notify.js';
import { user, nameOf } from './session.js';
import { ACTIVITY_NAMES, CONVERSATION_STATUS, DEFER_REASONS } from './texts.js';
import { Composer } from './composer.js';

/** "вы" for the signed-in agent, the id as the server gives it for others. */
export function assigneeName(who) {
  const u = user();
  if (!who) return '';
  if (u && who === u.id) return 'вы';
  return nameOf(who);
}

export function contactTitle(c) {
  if (c.contact && c.contact.unidentified) return (c.lastAddress || 'неизвестный') + ' · не опознан';
  return c.contact ? c.contact.id : c.id;
}

function activityText(action) {
  if (action && action.startsWith('assigned:')) return 'назначил диалог: ' + assigneeName(action.slice('assigned:'.length));
  return ACTIVITY_NAMES[action] || action;
}

export class Thread {
  /** @param onChanged called with the conversation whenever an action here changed it */
  constructor(box, onChanged) {
    this.box = box;
    this.onChanged = onChanged;
    this.conversation = null;
    this.entries = new Map();
    /** Statuses that came before their message did (the stream and the reply's answer race). */
    this.early = new Map();
    this.placeholder();
  }

  placeholder() {
    clear(this.box).append(h('p', { class: 'muted empty' }, 'Выберите диалог слева'));
  }

  async open(id) {
    this.openId = id;
    try {
      const c = await get('/v1/conversations/' + encodeURIComponent(id));
      if (this.openId !== id) return;
      this.render(c);
    } catch (e) {
      showError(e);
    }
  }

  reload() {
    if (this.openId) this.open(this.openId);
  }

  render(c) {
    const { timeline, ...conversation } = c;
    this.conversation = conversation;
    this.entries.clear();
    this.early.clear();
    this.header = h('header', { class: 'thread-head' });
    this.timeline = h('ol', { class: 'timeline', 'aria-label': 'Переписка', 'aria-live': 'polite' });
    this.composer = new Composer(conversation, {
      reply: (body) => this.reply(body),
      note: (text) => this.note(text),
    });
    clear(this.box).append(this.header, this.timeline, this.composer.element);
    this.renderHeader();
    timeline.forEach((e) => this.add(e));
    this.scrollDown();
  }

  renderHeader() {
    const c = this.conversation;
    const act = (label, path, body, cls) => h('button', {
      type: 'button', class: cls || 'ghost', onclick: () => this.act(path, body),
    }, label);
    const labelInput = h('input', {
      type: 'text', class: 'label-input', placeholder: 'Новая метка', 'aria-label': 'Новая метка', maxlength: '64',
      onkeydown: (e) => {
        if (e.key === 'Enter' && e.target.value.trim()) {
          e.preventDefault();
          this.act('labels', { add: [e.target.value.trim()] });
        }
      },
    });
    clear(this.header).append(
      h('div', { class: 'thread-title' },
        h('h2', {}, contactTitle(c)),
        h('span', { class: 'muted' }, c.lastAddress || ''),
        h('span', { class: 'state state-' + c.status }, CONVERSATION_STATUS[c.status] || c.status),
        c.assignee ? h('span', { class: 'assignee' }, 'Исполнитель: ' + assigneeName(c.assignee)) : h('span', { class: 'muted' }, 'Без исполнителя')),
      h('div', { class: 'thread-actions' },
        assigneeName(c.assignee) === 'вы' ? act('Снять с себя', 'assign', { assignee: null }) : act('Взять себе', 'assign', { assignee: 'me' }),
        c.status === 'closed' ? act('Открыть снова', 'reopen') : act('Закрыть', 'close'),
        c.status === 'open' ? act('Отложить', 'pending') : null,
        h('span', { class: 'labels' }, c.labels.map((l) => h('span', { class: 'label' }, l,
          h('button', { type: 'button', class: 'label-remove', 'aria-label': 'Убрать метку ' + l, onclick: () => this.act('labels', { remove: [l] }) }, '×')))),
        labelInput));
  }

  async act(path, body) {
    try {
      const c = await post('/v1/conversations/' + encodeURIComponent(this.conversation.id) + '/' + path, body);
      this.update(c);
      this.onChanged({ ...c, unread: 0 });
    } catch (e) {
      showError(e);
    }
  }

  /** The conversation changed (here, or by a colleague): its header follows. */
  update(c) {
    if (!this.conversation || c.id !== this.conversation.id) return;
    // the header is drawn anew: a keyboard user keeps their place in it
    const focused = this.header.contains(document.activeElement) ? document.activeElement : null;
    const mark = focused && (focused.getAttribute('aria-label') || focused.textContent);
    this.conversation = c;
    this.renderHeader();
    this.composer.setConversation(c);
    if (focused) {
      const same = [...this.header.querySelectorAll('button, input')]
        .find((el) => (el.getAttribute('aria-label') || el.textContent) === mark);
      (same || this.header.querySelector('.thread-actions button')).focus();
    }
  }

  /** body: {text} or {template, variables}, and the channel chosen; the entry shows the text the gateway made. */
  async reply(body) {
    const id = this.conversation.id;
    const answer = await post('/v1/conversations/' + encodeURIComponent(id) + '/messages', body);
    if (this.conversation && this.conversation.id === id) {
      this.add({ id: answer.id, type: 'outbound', channel: answer.channel, text: body.text || '', status: answer.status,
        by: user() ? user().id : null, at: new Date().toISOString() });
      this.scrollDown();
    }
  }

  async note(text) {
    const entry = await post('/v1/conversations/' + encodeURIComponent(this.conversation.id) + '/notes', { text });
    this.add(entry);
    this.scrollDown();
  }

  onMessage(e) {
    if (!this.conversation || e.conversationId !== this.conversation.id || !e.entry) return;
    const atBottom = this.timeline.scrollHeight - this.timeline.scrollTop - this.timeline.clientHeight < 40;
    this.add(e.entry);
    if (atBottom || e.entry.type !== 'inbound') this.scrollDown();
    if (e.entry.type === 'inbound') this.markRead();
  }

  /** Reading the conversation again clears its unread count on the server, as the agent is looking at it. */
  markRead() {
    clearTimeout(this.readTimer);
    const id = this.conversation.id;
    this.readTimer = setTimeout(() => get('/v1/conversations/' + encodeURIComponent(id)).catch(() => {}), 500);
  }

  onStatus(e) {
    if (!this.conversation || e.conversationId !== this.conversation.id) return;
    const known = this.entries.get(e.messageId);
    if (!known) {
      if (rank(e.status) > rank(this.early.get(e.messageId))) this.early.set(e.messageId, e.status);
      return;
    }
    if (rank(e.status) > rank(known.entry.status)) {
      known.entry.status = e.status;
      const fresh = tick(e.status, null);
      known.tick.replaceWith(fresh);
      known.tick = fresh;
      known.node.dataset.status = e.status;
      const waiting = known.node.querySelector('.deferred-reason');
      if (waiting && e.status !== 'queued') waiting.remove();
      // the event carries no reason: the timeline has it
      if (rank(e.status) === 5) this.reason(e.messageId);
    }
  }

  async reason(messageId) {
    try {
      const c = await get('/v1/conversations/' + encodeURIComponent(this.conversation.id));
      const entry = c.timeline.find((x) => x.id === messageId);
      const known = this.entries.get(messageId);
      if (entry && known && entry.error) {
        const fresh = tick(entry.status, entry.error);
        known.tick.replaceWith(fresh);
        known.tick = fresh;
        known.node.append(h('p', { class: 'error-reason' }, 'Не отправлено: ' + (entry.error.message || entry.error.code)));
      }
    } catch (e) {
      showError(e);
    }
  }

  /** Adds an entry once: a reply may come back from the server and from the stream in either order. */
  add(entry) {
    const known = this.entries.get(entry.id);
    if (known) {
      // a canned reply is shown with the text the gateway rendered, which only the stream carries
      if (entry.text && !known.entry.text) {
        known.entry.text = entry.text;
        known.node.querySelector('.text').textContent = entry.text;
      }
      if (entry.status && rank(entry.status) > rank(known.entry.status)) {
        this.onStatus({ conversationId: this.conversation.id, messageId: entry.id, status: entry.status });
      }
      return;
    }
    const time = h('time', { datetime: entry.at, title: fullTime(entry.at) }, shortTime(entry.at));
    let node;
    let mark = null;
    switch (entry.type) {
      case 'inbound':
        node = h('li', { class: 'entry inbound' },
          h('div', { class: 'bubble' }, h('p', { class: 'text' }, entry.text || ''),
            entry.dtmf ? h('p', { class: 'dtmf' }, 'Выбор в меню: ' + entry.dtmf) : null,
            h('div', { class: 'meta' }, channelBadge(entry.channel), entry.from ? h('span', {}, entry.from) : null, time)));
        break;
      case 'outbound':
        mark = tick(entry.status, entry.error);
        node = h('li', { class: 'entry outbound', dataset: { status: entry.status || '' } },
          h('div', { class: 'bubble' }, h('p', { class: 'text' }, entry.text || ''),
            h('div', { class: 'meta' }, channelBadge(entry.channel),
              entry.by ? h('span', {}, assigneeName(entry.by)) : h('span', {}, 'система'), time, mark)),
          entry.error ? h('p', { class: 'error-reason' }, 'Не отправлено: ' + (entry.error.message || entry.error.code)) : null,
          entry.deferred && !entry.error ? h('p', { class: 'deferred-reason' }, deferredText(entry.deferred)) : null);
        break;
      case 'note':
        node = h('li', { class: 'entry note' },
          h('div', { class: 'bubble' }, h('p', { class: 'note-title' }, 'Заметка · ' + assigneeName(entry.by)),
            h('p', { class: 'text' }, entry.text || ''), h('div', { class: 'meta' }, time)));
        break;
      default:
        node = h('li', { class: 'entry activity' }, assigneeName(entry.by) + ' ' + activityText(entry.action), ' · ', time);
    }
    node.id = 'entry-' + entry.id;
    this.entries.set(entry.id, { entry: { ...entry }, node, tick: mark });
    this.timeline.append(node);
    if (this.early.has(entry.id)) {
      const status = this.early.get(entry.id);
      this.early.delete(entry.id);
      this.onStatus({ conversationId: this.conversation.id, messageId: entry.id, status });
    }
  }

  scrollDown() {
    this.timeline.scrollTop = this.timeline.scrollHeight;
  }

  focusComposer() {
    if (this.composer) this.composer.focus();
  }
}

/** "Ждёт до 25 нояб., 08:00 (тихие часы)": why a reply has not gone yet, in the agent's time. */
function deferredText(d) {
  const until = new Date(d.until);
  const when = isNaN(until) ? d.until : until.toLocaleString('ru-RU', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return 'Ждёт до ' + when + ' (' + (DEFER_REASONS[d.reason] || d.reason) + ')';
}
