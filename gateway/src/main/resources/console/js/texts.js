// The console's Russian words for the API's codes.

export const CHANNEL_NAMES = {
  sms: 'SMS', telegram: 'Telegram', tg: 'Telegram', viber: 'Viber', vb: 'Viber', whatsapp: 'WhatsApp', wa: 'WhatsApp',
  max: 'MAX', mx: 'MAX', email: 'E-mail', voice: 'Звонок', ivr: 'Звонок', messenger: 'Мессенджеры',
};

export const STATUS_NAMES = {
  queued: 'в очереди', scheduled: 'запланировано', sending: 'отправляется', sent: 'отправлено',
  delivered: 'доставлено', read: 'прочитано', failed: 'ошибка', expired: 'истёк срок', cancelled: 'отменено',
  rejected: 'отклонено',
};

export const CONVERSATION_STATUS = { open: 'Открыт', pending: 'Ожидает', closed: 'Закрыт' };

export const ACTIVITY_NAMES = {
  unassigned: 'снял назначение', closed: 'закрыл диалог', reopened: 'открыл диалог снова',
  pending: 'отложил диалог', merged: 'привязал диалог к контакту',
};

export const DEFER_REASONS = {
  quiet_hours: 'тихие часы', daily_cap: 'лимит в день', weekly_cap: 'лимит в неделю', monthly_cap: 'лимит в месяц',
  call_attempts: 'попытки звонков', campaign_window: 'вне окна кампании', cap_day: 'лимит в день', cap_week: 'лимит в неделю', cap_month: 'лимит в месяц',
};

export const CAMPAIGN_STATES = {
  uploading: 'загружается', running: 'идёт', paused: 'на паузе', done: 'завершена', cancelled: 'отменена',
  failed: 'ошибка загрузки',
};

const ERRORS = {
  invalid_credentials: 'Неверный логин или пароль.',
  too_many_attempts: 'Слишком много неудачных попыток входа — попробуйте позже.',
  user_disabled: 'Учётная запись отключена.',
  unauthorized: 'Сессия истекла — войдите снова.',
  forbidden: 'Недостаточно прав для этого действия.',
  csrf_failed: 'Сессия устарела — обновите страницу.',
  not_found: 'Не найдено.',
  text_empty: 'Введите текст сообщения.',
  text_too_long: 'Текст слишком длинный.',
  lint_failed: 'Шаблон не прошёл проверку — исправьте ошибки.',
  no_draft: 'Нет черновика для публикации.',
  unchanged: 'Черновик совпадает с опубликованной версией.',
  revision_mismatch: 'Шаблон изменил кто-то другой — данные обновлены.',
  store_unavailable: 'Хранилище недоступно, повторите позже.',
  network: 'Нет связи с сервером.',
};

/** A Russian sentence for an API error; the server's own message when we have no words for the code. */
export function errorText(code, message) {
  return ERRORS[code] || message || 'Ошибка: ' + code;
}

export function channelName(id) {
  return CHANNEL_NAMES[id] || id;
}

const FINDINGS = {
  no_channels: 'В шаблоне нет ни одного канала',
  bad_sample: 'Пример значения не подходит к типу переменной',
  does_not_render: 'Текст не собирается с примерами значений',
  missing_creditor: 'Нет названия кредитора (230-ФЗ)',
  missing_contact_phone: 'Нет контактного телефона (230-ФЗ)',
  identification_unverifiable: 'Идентификацию кредитора нельзя проверить',
  sms_too_long: 'SMS длиннее допустимого числа частей',
  text_too_long: 'Текст длиннее лимита канала',
  empty_text: 'Пустой текст',
  email_subject_missing: 'Нет темы письма',
  email_text_missing: 'Нет текстовой части письма',
  bad_button: 'Некорректная кнопка',
  whatsapp_incomplete: 'Шаблон WhatsApp заполнен не полностью',
  whatsapp_parameter_mismatch: 'Параметры WhatsApp не совпадают с шаблоном',
  ivr_empty: 'Пустой сценарий звонка',
  ivr_bad_prompt: 'Ошибка в фразе звонка',
  ivr_bad_sound: 'Ошибка в звуковом файле',
  ivr_bad_digit: 'Ошибка в меню звонка',
  ivr_no_operator: 'В меню звонка нет перевода на оператора',
  forbidden_phrase: 'Запрещённая формулировка',
};

/** The lint finding's headline in Russian; the server's detail goes beside it. */
export function findingText(code) {
  return FINDINGS[code] || code;
}

export const VARIABLE_TYPES = [
  ['string', 'строка'], ['money', 'сумма'], ['date', 'дата'], ['phone', 'телефон'], ['url', 'ссылка'], ['integer', 'целое'],
];

/** The variant slots a template can have, in the order the editor shows them. */
export const SLOTS = ['sms', 'messenger', 'telegram', 'viber', 'max', 'whatsapp', 'email', 'ivr'];

export const FIELD_NAMES = { text: 'Текст', subject: 'Тема', html: 'HTML', body: 'Текст шаблона' };
