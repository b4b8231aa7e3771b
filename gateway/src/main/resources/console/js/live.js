// The inbox's live events (SSE): new messages, status changes, assignments, conversation changes. No polling.

import { get } from './api.js';

const TYPES = ['message', 'status', 'assignment', 'conversation'];
/** After the browser gave up on the stream (an error answer rather than a dropped connection). */
const RETRY_MS = 3000;
const listeners = new Map();
let source = null;
let lost = false;
let stopped = false;

function emit(type, data) {
  (listeners.get(type) || []).forEach((fn) => fn(data));
}

function indicator(text, state) {
  const el = document.getElementById('live');
  el.hidden = false;
  el.textContent = text;
  el.dataset.state = state;
}

/** Subscribes to an event type; 'reconnected' fires after the stream was lost, so views can reload what they missed. */
export function on(type, fn) {
  if (!listeners.has(type)) listeners.set(type, []);
  listeners.get(type).push(fn);
}

export function connect() {
  if (source) return;
  stopped = false;
  source = new EventSource('/v1/conversations/stream');
  for (const type of TYPES) {
    source.addEventListener(type, (e) => {
      let data;
      try {
        data = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      emit(type, data);
    });
  }
  // the gateway ends the stream of a session logged out elsewhere, or ended by an account change
  source.addEventListener('session_ended', () => {
    disconnect();
    window.dispatchEvent(new CustomEvent('vestnik:unauthorized'));
  });
  source.addEventListener('open', () => {
    indicator('● в сети', 'on');
    if (lost) {
      lost = false;
      emit('reconnected', {});
    }
  });
  source.addEventListener('error', () => {
    lost = true;
    indicator('● переподключение…', 'off');
    if (source && source.readyState === EventSource.CLOSED) {
      source = null;
      // a 401 here signs the user out (api.js); anything else is tried again shortly
      setTimeout(() => get('/v1/conversations?limit=1').then(() => {
        if (!stopped) connect();
      }, () => {}), RETRY_MS);
    }
  });
}

/** Closes the stream and forgets every subscriber (the views are built anew at the next login). */
export function disconnect() {
  stopped = true;
  listeners.clear();
  lost = false;
  if (source) {
    source.close();
    source = null;
  }
  document.getElementById('live').hidden = true;
}
