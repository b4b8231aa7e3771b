// Canned replies: the tenant's published templates (sent as templates, rendered by the gateway for the channel)
// and a few quick phrases that are pasted into the text box to be edited.
import { get, post } from './api.js';

export const QUICK_PHRASES = [
  ['Приветствие', 'Здравствуйте! Спасибо, что ответили. Уточните, пожалуйста, номер договора.'],
  ['Способы оплаты', 'Оплатить задолженность можно в личном кабинете, в отделении банка или по реквизитам из письма.'],
  ['Спасибо за оплату', 'Благодарим за оплату! Платёж отразится в течение 1–3 рабочих дней.'],
  ['Обещание оплаты', 'Зафиксировали договорённость об оплате. Спасибо!'],
  ['Не тот номер', 'Приносим извинения за беспокойство. Мы удалим ваш номер из рассылки.'],
];

/** Variables the tenant's profile fills in (the creditor's name and phone): the agent never types them. */
const FROM_PROFILE = ['creditor', 'phone'];

/** The template variant a channel type is rendered from; messengers fall back to the shared one. */
const SLOT_OF_TYPE = { smpp: 'sms', telegram: 'telegram', viber: 'viber', max: 'max', whatsapp: 'whatsapp', email: 'email' };

let published = null;

/** The published templates ({key, description}), read once per login. */
export function publishedTemplates() {
  if (!published) {
    published = get('/v1/templates')
      .then((body) => body.templates.filter((t) => t.latestVersion))
      .catch(() => []);
  }
  return published;
}

export function forgetTemplates() {
  published = null;
}

/** The variables of the template's latest version that the agent must fill. */
export async function templateVariables(key) {
  const t = await get('/v1/templates/' + encodeURIComponent(key));
  const vars = t.latest && t.latest.content.variables ? Object.keys(t.latest.content.variables) : [];
  return vars.filter((v) => !FROM_PROFILE.includes(v));
}

/** The text the debtor would get on a channel of this type (the latest version, the values given, samples else). */
export async function cannedText(key, version, variables, channelType) {
  const p = await post('/v1/templates/' + encodeURIComponent(key) + '/preview', { variables, version });
  const slot = SLOT_OF_TYPE[channelType] || 'sms';
  const pick = p.channels[slot] || (['telegram', 'viber', 'max'].includes(slot) ? p.channels.messenger : null)
    || Object.values(p.channels)[0];
  return pick && pick.text ? pick.text : '';
}
