// The inbox: conversation list with unread counts and filters, kept live by the event stream.
import { get, query } from './api.js';
import { h, clear, debounce, typing } from './dom.js';
import { channelBadge } from './channels.js';
import { shortTime } from './format.js';
import { showError } from './notify.js';
import { CONVERSATION_STATUS, CHANNEL_NAMES } from './texts.js';
import * as live from './live.js';
import { Thread, contactTitle, assigneeName } from './thread.js';

const PAGE = 100;

export class Inbox {
  constructor(section) {
    this.section = section;
    this.conversations = [];
    this.selected = null;
    this.filters = { status: 'open', assignee: '', channel: '', label: '', unread: false };
    this.reload = debounce(() => this.load(), 150);
    this.build();
    live.on('message', (e) => this.onMessage(e));
    live.on('status', (e) => this.thread.onStatus(e));
    live.on('assignment', (e) => this.onConversation(e));
    live.on('conversation', (e) => this.onConversation(e));
    live.on('reconnected', () => {
      this.load();
      this.thread.reload();
    });
    this.keys = (e) => this.onKey(e);
    document.addEventListener('keydown', this.keys);
  }

  build() {
    const select = (name, label, options) => h('label', { class: 'filter' }, h('span', { class: 'sr-only' }, label),
      h('select', { name, 'aria-label': label, onchange: (e) => this.setFilter(name, e.target.value) },
        options.map(([value, text]) => h('option', { value, selected: this.filters[name] === value }, text))));
    this.list = h('ul', {
      id: 'conversation-list', class: 'conversation-list', role: 'listbox', 'aria-label': 'Диалоги', tabindex: '0',
      onkeydown: (e) => this.onListKey(e),
    });
    this.empty = h('p', { class: 'muted empty', hidden: true }, 'Диалогов нет');
    this.more = h('button', { type: 'button', class: 'ghost more', hidden: true, onclick: () => this.loadMore() }, 'Показать ещё');
    const filters = h('div', { class: 'filters' },
      select('status', 'Статус', [['open', 'Открытые'], ['pending', 'Ожидают'], ['closed', 'Закрытые'], ['', 'Все']]),
      select('assignee', 'Исполнитель', [['', 'Все'], ['me', 'Мои'], ['unassigned', 'Без исполнителя']]),
      select('channel', 'Канал', [['', 'Все каналы'], ...['sms', 'telegram', 'viber', 'whatsapp', 'max', 'email', 'voice']
        .map((c) => [c, CHANNEL_NAMES[c]])]),
      h('label', { class: 'filter' }, h('span', { class: 'sr-only' }, 'Метка'), h('input', {
        type: 'search', name: 'label', placeholder: 'Метка', 'aria-label': 'Метка',
        oninput: debounce((e) => this.setFilter('label', e.target.value.trim()), 300),
      })),
      h('label', { class: 'filter check' }, h('input', {
        type: 'checkbox', name: 'unread', onchange: (e) => this.setFilter('unread', e.target.checked),
      }), 'Непрочитанные'));
    const threadBox = h('div', { class: 'thread', id: 'thread' });
    this.thread = new Thread(threadBox, (c) => this.upsert(c));
    clear(this.section).append(
      h('div', { class: 'inbox-side' }, filters, this.list, this.empty, this.more,
        h('p', { class: 'hint' }, h('kbd', {}, 'j'), ' ', h('kbd', {}, 'k'), ' ', h('kbd', {}, '↑'), ' ', h('kbd', {}, '↓'),
          ' — диалоги · ', h('kbd', {}, 'r'), ' — ответить')),
      threadBox);
  }

  show() {
    this.load();
  }

  destroy() {
    document.removeEventListener('keydown', this.keys);
  }

  setFilter(name, value) {
    this.filters[name] = value;
    this.load();
  }

  page(cursor) {
    const f = this.filters;
    return get('/v1/conversations' + query({
      status: f.status, assignee: f.assignee, channel: f.channel, label: f.label, unread: f.unread ? 'true' : '',
      limit: PAGE, cursor,
    }));
  }

  async load() {
    try {
      const body = await this.page();
      this.conversations = body.conversations;
      this.next = body.next;
      this.render();
    } catch (e) {
      showError(e);
    }
  }

  async loadMore() {
    try {
      const body = await this.page(this.next);
      const known = new Set(this.conversations.map((c) => c.id));
      this.conversations = [...this.conversations, ...body.conversations.filter((c) => !known.has(c.id))];
      this.next = body.next;
      this.render();
    } catch (e) {
      showError(e);
    }
  }

  matches(c) {
    const f = this.filters;
    if (f.status && c.status !== f.status) return false;
    if (f.channel && !c.channels.includes(f.channel)) return false;
    if (f.unread && !(c.unread > 0)) return false;
    if (f.label && !c.labels.includes(f.label)) return false;
    if (f.assignee === 'unassigned' && c.assignee) return false;
    if (f.assignee === 'me' && !(c.assignee && assigneeName(c.assignee) === 'вы')) return false;
    return true;
  }

  /** A conversation as the server now has it: replaced in place, moved up by activity, or dropped by the filters. */
  upsert(c) {
    const rest = this.conversations.filter((x) => x.id !== c.id);
    if (this.matches(c) || c.id === this.selected) rest.push(c);
    rest.sort((a, b) => (b.lastActivityAt || '').localeCompare(a.lastActivityAt || ''));
    this.conversations = rest;
    this.render();
  }

  onConversation(e) {
    if (e.conversation) {
      const open = e.conversationId === this.selected;
      this.upsert(open ? { ...e.conversation, unread: 0 } : e.conversation);
      if (open) this.thread.update(e.conversation);
    }
  }

  onMessage(e) {
    const c = this.conversations.find((x) => x.id === e.conversationId);
    const open = e.conversationId === this.selected;
    if (open) this.thread.onMessage(e);
    if (!c) {
      this.reload();
      return;
    }
    const entry = e.entry || {};
    const changed = { ...c, lastActivityAt: entry.at || new Date().toISOString() };
    if ((entry.type === 'inbound' || entry.type === 'outbound') && entry.text) {
      changed.lastMessage = { text: entry.text, direction: entry.type };
    }
    if (entry.type === 'inbound') {
      changed.unread = open ? 0 : (c.unread || 0) + 1;
      if (entry.channel && !changed.channels.includes(entry.channel)) changed.channels = [...changed.channels, entry.channel];
      changed.lastChannel = entry.channel || c.lastChannel;
    }
    this.upsert(changed);
  }

  render() {
    clear(this.list);
    this.empty.hidden = this.conversations.length > 0;
    this.more.hidden = !this.next;
    for (const c of this.conversations) {
      const selected = c.id === this.selected;
      const item = h('li', {
        class: 'conversation' + (selected ? ' selected' : '') + (c.unread > 0 ? ' unread' : ''),
        role: 'option', 'aria-selected': selected ? 'true' : 'false', id: 'conv-' + c.id,
        dataset: { id: c.id }, onclick: () => this.select(c.id),
      },
      h('div', { class: 'row' },
        h('span', { class: 'who' }, contactTitle(c)),
        h('time', { class: 'when', datetime: c.lastActivityAt }, shortTime(c.lastActivityAt))),
      h('div', { class: 'row' },
        h('span', { class: 'channels' }, c.channels.map(channelBadge)),
        c.status !== 'open' ? h('span', { class: 'state state-' + c.status }, CONVERSATION_STATUS[c.status]) : null,
        c.assignee ? h('span', { class: 'assignee', title: 'Исполнитель' }, '→ ' + assigneeName(c.assignee)) : null,
        c.unread > 0 ? h('span', { class: 'unread-count', 'aria-label': 'непрочитанных: ' + c.unread }, String(c.unread)) : null),
      c.lastMessage ? h('div', { class: 'preview' },
        (c.lastMessage.direction === 'outbound' ? 'Вы: ' : '') + c.lastMessage.text) : null,
      c.labels.length ? h('div', { class: 'labels' }, c.labels.map((l) => h('span', { class: 'label' }, l))) : null);
      this.list.append(item);
    }
    if (this.selected) this.list.setAttribute('aria-activedescendant', 'conv-' + this.selected);
  }

  select(id) {
    this.selected = id;
    const c = this.conversations.find((x) => x.id === id);
    if (c) this.upsert({ ...c, unread: 0 });
    this.thread.open(id);
    const el = document.getElementById('conv-' + id);
    if (el) el.scrollIntoView({ block: 'nearest' });
  }

  move(step) {
    if (!this.conversations.length) return;
    const i = this.conversations.findIndex((x) => x.id === this.selected);
    const next = i < 0 ? 0 : Math.min(this.conversations.length - 1, Math.max(0, i + step));
    this.select(this.conversations[next].id);
  }

  onListKey(e) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      this.move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      this.move(-1);
    } else if (e.key === 'Enter' && this.selected) {
      e.preventDefault();
      this.thread.focusComposer();
    }
  }

  onKey(e) {
    if (this.section.hidden || typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'j') {
      this.move(1);
    } else if (e.key === 'k') {
      this.move(-1);
    } else if (e.key === 'r' && this.selected) {
      e.preventDefault();
      this.thread.focusComposer();
    }
  }
}
