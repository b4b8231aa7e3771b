// The live preview of one channel: the rendered text, and for SMS its encoding, parts and cost.
import { h } from './dom.js';
import { money, number } from './format.js';

const ENCODINGS = { GSM7: 'GSM-7', UCS2: 'UCS-2 (кириллица)' };

function fact(name, value, cls) {
  return h('div', { class: 'fact ' + (cls || '') }, h('dt', {}, name), h('dd', {}, value));
}

export function renderPreview(channel, p) {
  if (!p) return h('div', { class: 'preview muted' }, 'Нет предпросмотра');
  if (p.problems && p.problems.length) {
    return h('div', { class: 'preview' }, h('ul', { class: 'findings' },
      p.problems.map((x) => h('li', { class: 'finding blocking' }, x.message || x.code))));
  }
  const facts = [];
  if (p.encoding) facts.push(fact('Кодировка', ENCODINGS[p.encoding] || p.encoding, 'encoding'));
  if (p.parts !== undefined) facts.push(fact('Частей', String(p.parts), 'parts'));
  if (p.length !== undefined) {
    facts.push(fact('Символов', number(p.length) + (p.charsPerPart ? ' (' + p.charsPerPart + ' на часть)' : ''), 'length'));
  }
  if (p.callSeconds !== undefined) facts.push(fact('Длительность', p.callSeconds + ' с', 'call'));
  if (p.cost !== undefined) facts.push(fact('Стоимость', money(p.cost), 'cost'));
  const content = p.content && p.content.subject ? h('p', { class: 'preview-subject' }, 'Тема: ' + p.content.subject) : null;
  return h('div', { class: 'preview', dataset: { channel } },
    content,
    h('div', { class: 'phone-bubble' }, p.text || ''),
    h('dl', { class: 'facts' }, facts));
}
