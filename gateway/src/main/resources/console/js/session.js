// Who is signed in: GET/POST/DELETE /v1/session, and the login form.
import { request, setCsrfToken, ApiFailure } from './api.js';
import { errorText } from './texts.js';

let current = null;
/** The tenant's console users by id, so that assignees and authors show by name. */
const names = new Map();

/** The signed-in user ({id, login, name, tenantId, roles}) or null. */
export function user() {
  return current;
}

/** A user id as a person's name, or the id itself (an API key's fingerprint, a user we could not read). */
export function nameOf(id) {
  return names.get(id) || id;
}

/** Reads the tenant's users once after login; without them ids are shown as they are. */
export async function loadNames() {
  try {
    const body = await request('GET', '/v1/users');
    names.clear();
    (body.users || []).forEach((u) => names.set(u.id, u.name || u.login));
  } catch (e) {
    // a role that may not list users still works, with ids for names
  }
}

export function hasRole(...roles) {
  return !!current && (current.roles.includes('admin') || roles.some((r) => current.roles.includes(r)));
}

function accept(body) {
  current = body.user;
  setCsrfToken(body.csrfToken);
  return current;
}

/** The session the browser already has, or null (401). */
export async function resume() {
  try {
    return accept(await request('GET', '/v1/session'));
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401) return null;
    throw e;
  }
}

export async function logout() {
  try {
    await request('DELETE', '/v1/session');
  } finally {
    current = null;
    names.clear();
    setCsrfToken(null);
  }
}

/** Shows the login form and resolves with the user once the login succeeds. */
export function askLogin() {
  const section = document.getElementById('login');
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  const name = document.getElementById('login-name');
  const password = document.getElementById('login-password');
  section.hidden = false;
  error.hidden = true;
  password.value = '';
  name.focus();
  return new Promise((resolve) => {
    const submit = async (event) => {
      event.preventDefault();
      error.hidden = true;
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const u = accept(await request('POST', '/v1/session', { login: name.value.trim(), password: password.value }));
        form.removeEventListener('submit', submit);
        section.hidden = true;
        password.value = '';
        resolve(u);
      } catch (e) {
        error.textContent = errorText(e.code, e.message);
        error.hidden = false;
        password.select();
      } finally {
        button.disabled = false;
      }
    };
    form.addEventListener('submit', submit);
  });
}
