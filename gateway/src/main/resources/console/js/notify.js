import { h } from './dom.js';
import { errorText } from './texts.js';

const SHOWN_MS = 6000;

function toast(kind, text) {
  const box = document.getElementById('toasts');
  const el = h('div', { class: 'toast ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
  box.append(el);
  setTimeout(() => el.remove(), SHOWN_MS);
}

/** Shows what went wrong: an API failure in Russian, anything else as it is. */
export function showError(err) {
  if (err && err.code) {
    toast('error', errorText(err.code, err.message));
  } else {
    toast('error', String(err && err.message ? err.message : err));
  }
}

export function showInfo(text) {
  toast('info', text);
}
