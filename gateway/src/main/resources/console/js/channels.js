// Channel badges and delivery ticks.
import { h } from './dom.js';
import { channelName, STATUS_NAMES } from './texts.js';

const SHORT = {
  sms: 'SMS', telegram: 'TG', tg: 'TG', viber: 'VB', vb: 'VB', whatsapp: 'WA', wa: 'WA', max: 'MAX', mx: 'MAX',
  email: '@', voice: '☎', ivr: '☎',
};

/** A small coloured badge naming the channel (its full name as the title). */
export function channelBadge(channel) {
  const kind = SHORT[channel] ? channel : 'other';
  return h('span', { class: 'badge ch-' + kind, title: channelName(channel), 'aria-label': channelName(channel) },
    SHORT[channel] || channel);
}

/** How far a status is along: ticks only ever move forward, whatever order the events arrive in. */
const RANK = { queued: 0, scheduled: 0, sending: 1, sent: 2, delivered: 3, read: 4, failed: 5, expired: 5, rejected: 5, cancelled: 5 };

export function rank(status) {
  return RANK[status] ?? -1;
}

/** ✓ sent, ✓✓ delivered, blue ✓✓ read, ✕ failed (with the reason as title), a clock while queued. */
export function tick(status, error) {
  const name = STATUS_NAMES[status] || status || '';
  let mark;
  let cls = 'tick';
  switch (status) {
    case 'sent': mark = '✓'; break;
    case 'delivered': mark = '✓✓'; break;
    case 'read': mark = '✓✓'; cls += ' read'; break;
    case 'failed': case 'expired': case 'rejected': case 'cancelled': mark = '✕'; cls += ' failed'; break;
    default: mark = '🕓'; cls += ' pending';
  }
  const reason = error ? ' — ' + (error.message || error.code) : '';
  return h('span', { class: cls, title: name + reason, 'aria-label': name + reason, dataset: { status: status || '' } }, mark);
}
