// Dates and numbers as a Russian reader expects them.

const TIME = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit' });
const DATE = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short' });
const FULL = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'medium', timeStyle: 'short' });
const NUMBER = new Intl.NumberFormat('ru-RU');

/** 14:05 today, "3 нояб." on another day. */
export function shortTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const today = new Date();
  return d.toDateString() === today.toDateString() ? TIME.format(d) : DATE.format(d);
}

export function fullTime(iso) {
  return iso ? FULL.format(new Date(iso)) : '';
}

export function number(n) {
  return NUMBER.format(n || 0);
}

/** "12,50 ₽" from "12.50" and RUB. */
export function money(amount, currency = 'RUB') {
  if (amount === undefined || amount === null) return '';
  return new Intl.NumberFormat('ru-RU', { style: 'currency', currency }).format(Number(amount));
}
