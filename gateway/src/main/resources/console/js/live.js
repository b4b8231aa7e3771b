// The inbox's live events (SSE): new messages, status changes, assignments, conversation changes. No polling.

const TYPES = ['message', 'status', 'assignment', 'conversation'];
const listeners = new Map();
let source = null;
let lost = false;

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
  });
}

export function disconnect() {
  if (source) {
    source.close();
    source = null;
  }
  document.getElementById('live').hidden = true;
}
