// fetch for the console: JSON in and out, the session cookie, the CSRF header on every change.

let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token;
}

/** An answer of {"error":{"code","message"}}, or no answer at all (code "network"). */
export class ApiFailure extends Error {
  constructor(status, code, message, details) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export async function request(method, path, body, headers = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) {
    init.headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiFailure(0, 'network', e.message);
  }
  const text = response.status === 204 ? '' : await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    const error = json && json.error ? json.error : {};
    const failure = new ApiFailure(response.status, error.code || 'http_' + response.status,
      error.message || response.statusText, error.details);
    if (response.status === 401 && !path.startsWith('/v1/session')) {
      window.dispatchEvent(new CustomEvent('vestnik:unauthorized'));
    }
    throw failure;
  }
  return json;
}

export const get = (path) => request('GET', path);
export const post = (path, body, headers) => request('POST', path, body, headers);
export const put = (path, body, headers) => request('PUT', path, body, headers);
export const patch = (path, body, headers) => request('PATCH', path, body, headers);
export const del = (path, headers) => request('DELETE', path, undefined, headers);

/** A query string of the given values, leaving out empty ones. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
