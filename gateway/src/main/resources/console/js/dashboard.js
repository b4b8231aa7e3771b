// Campaigns and delivery: today's counts per channel as a chart, and the running campaigns' progress.
import { get, query } from './api.js';
import { h, clear } from './dom.js';
import { number, money, fullTime } from './format.js';
import { showError } from './notify.js';
import { stackedBars } from './chart.js';
import { channelName, DEFER_REASONS, CAMPAIGN_STATES } from './texts.js';

const ZONE = 'Europe/Moscow';
const METRICS = [
  ['accepted', 'Принято'], ['sent', 'Отправлено'], ['delivered', 'Доставлено'], ['read', 'Прочитано'],
  ['failed', 'Ошибки'], ['deferred', 'Отложено'],
];
const LEGEND = [
  { key: 'read', name: 'прочитано', cls: 'read' },
  { key: 'delivered', name: 'доставлено', cls: 'delivered' },
  { key: 'sent', name: 'отправлено, ждёт отчёта', cls: 'sent' },
  { key: 'waiting', name: 'в очереди', cls: 'waiting' },
  { key: 'deferred', name: 'отложено', cls: 'deferred' },
  { key: 'failed', name: 'ошибки', cls: 'failed' },
];

/**
 * Today's counts split so that a bar's parts do not overlap and add up to the accepted: read within delivered, the
 * failed beside them, what was handed over and awaits its receipt, the deferred, and what still waits in the queue.
 */
function segments(c) {
  const pos = (n) => Math.max(0, n || 0);
  const settled = Math.max(c.sent || 0, (c.delivered || 0) + (c.failed || 0));
  return [
    { key: 'read', value: pos(c.read) },
    { key: 'delivered', value: pos(c.delivered - c.read) },
    { key: 'sent', value: pos(c.sent - c.delivered - c.failed) },
    { key: 'waiting', value: pos(c.accepted - settled - c.deferred) },
    { key: 'deferred', value: pos(c.deferred) },
    { key: 'failed', value: pos(c.failed) },
  ];
}

export class Dashboard {
  constructor(section) {
    this.section = section;
    this.stats = h('section', { class: 'card stats', 'aria-label': 'Доставка за сегодня' });
    this.campaigns = h('section', { class: 'card campaigns', 'aria-label': 'Кампании' });
    clear(section).append(
      h('header', { class: 'dashboard-head' }, h('h2', {}, 'Кампании и доставка'),
        h('button', { type: 'button', class: 'ghost', onclick: () => this.load() }, 'Обновить')),
      this.stats, this.campaigns);
  }

  show() {
    this.load();
  }

  load() {
    this.loadStats();
    this.loadCampaigns();
  }

  async loadStats() {
    try {
      this.renderStats(await get('/v1/stats/today' + query({ zone: ZONE })));
    } catch (e) {
      clear(this.stats).append(h('h3', {}, 'Доставка за сегодня'), h('p', { class: 'muted' }, 'Статистика недоступна'));
      if (e.status !== 404) showError(e);
    }
  }

  renderStats(body) {
    const channels = body.channels || [];
    const date = new Date(body.date + 'T12:00:00Z').toLocaleDateString('ru-RU', { day: 'numeric', month: 'long' });
    clear(this.stats).append(h('h3', {}, 'Доставка за сегодня, ' + date + ' (' + body.zone + ')'));
    if (!channels.length) {
      this.stats.append(h('p', { class: 'muted' }, 'Сегодня сообщений ещё не было'));
      return;
    }
    this.stats.append(
      stackedBars(channels.map((c) => ({ label: channelName(c.channel), segments: segments(c) })), LEGEND,
        'Сообщения за сегодня по каналам'),
      h('ul', { class: 'legend' }, LEGEND.map((l) => h('li', {}, h('span', { class: 'swatch ' + l.cls }), l.name))),
      h('table', { class: 'stats-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Канал'), METRICS.map(([, n]) => h('th', { scope: 'col' }, n)),
          h('th', { scope: 'col' }, 'Причины отсрочки'), h('th', { scope: 'col' }, 'Стоимость'))),
        h('tbody', {}, channels.map((c) => h('tr', { dataset: { channel: c.channel } },
          h('th', { scope: 'row' }, channelName(c.channel)),
          METRICS.map(([k]) => h('td', { class: 'num', dataset: { metric: k } }, number(c[k]))),
          h('td', { class: 'reasons' }, Object.entries(c.deferredReasons || {})
            .map(([r, n]) => (DEFER_REASONS[r] || r) + ': ' + number(n)).join(', ') || '—'),
          h('td', { class: 'num' }, c.cost ? money(c.cost.amount, c.cost.currency) : '—'))))));
  }

  async loadCampaigns() {
    try {
      const body = await get('/v1/campaigns' + query({ state: 'running', limit: 20 }));
      this.renderCampaigns(body.campaigns || []);
    } catch (e) {
      clear(this.campaigns).append(h('h3', {}, 'Идущие кампании'), h('p', { class: 'muted' }, 'Список кампаний недоступен'));
      if (e.status !== 404) showError(e);
    }
  }

  renderCampaigns(list) {
    clear(this.campaigns).append(h('h3', {}, 'Идущие кампании'));
    if (!list.length) {
      this.campaigns.append(h('p', { class: 'muted' }, 'Сейчас кампаний нет'));
      return;
    }
    this.campaigns.append(h('ul', { class: 'campaign-list' }, list.map((c) => this.campaign(c))));
  }

  /** Done is what no longer waits (scheduled, queued or being sent): delivered, failed, cancelled, or sent awaiting its receipt. */
  campaign(c) {
    const s = c.statuses || {};
    const total = c.accepted || 0;
    const pending = ['scheduled', 'queued', 'sending'].reduce((n, k) => n + (s[k] || 0), 0);
    const done = Math.max(0, total - pending);
    const ok = c.delivered || 0;
    const bad = (c.failed || 0) + (s.cancelled || 0);
    const flight = Math.max(0, done - ok - bad);
    const pct = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
    const part = (n, cls, name) => {
      const el = h('span', { class: 'bar-part ' + cls, title: name + ': ' + number(n) });
      el.style.width = (total ? (n / total) * 100 : 0) + '%';
      return el;
    };
    const name = c.name || (c.spec && c.spec.name) || c.id;
    const reasons = Object.entries(c.deferredReasons || {}).map(([r, n]) => (DEFER_REASONS[r] || r) + ' ' + number(n)).join(', ');
    return h('li', { class: 'campaign', dataset: { id: c.id } },
      h('div', { class: 'row' }, h('strong', {}, name),
        h('span', { class: 'label' }, CAMPAIGN_STATES[c.state] || c.state),
        c.spec && c.spec.channel ? h('span', { class: 'muted' }, channelName(c.spec.channel)) : null,
        c.createdAt ? h('span', { class: 'muted small' }, 'загружена ' + fullTime(new Date(Number(c.createdAt) || c.createdAt).toISOString())) : null),
      h('div', {
        class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(pct),
        'aria-label': 'Ход кампании ' + name,
      }, part(ok, 'ok', 'доставлено'), part(bad, 'bad', 'не доставлено'), part(flight, 'flight', 'отправлено, ждёт отчёта')),
      h('p', { class: 'small progress-text' },
        `${pct}% · обработано ${number(done)} из ${number(total)} · доставлено ${number(ok)} · ошибок ${number(bad)}`
        + (c.deferred ? ` · ждут ${number(c.deferred)}${reasons ? ' (' + reasons + ')' : ''}` : '')
        + (c.rejected ? ` · отклонено при загрузке ${number(c.rejected)}` : '')
        + (c.cost ? ' · ' + money(c.cost.amount, c.cost.currency) : '')));
  }
}
