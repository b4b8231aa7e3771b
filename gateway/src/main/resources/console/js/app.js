// The console's start: the session, the sections the user's roles allow, and the hash that picks one.
import * as session from './session.js';
import * as live from './live.js';
import { showError } from './notify.js';
import { Inbox } from './inbox.js';
import { Templates } from './templates.js';
import { Dashboard } from './dashboard.js';
import { Users } from './users.js';
import { forgetTemplates } from './canned.js';

const VIEWS = {
  inbox: { roles: ['agent'], make: (el) => new Inbox(el) },
  templates: { roles: ['marketer'], make: (el) => new Templates(el) },
  dashboard: { roles: ['marketer'], make: (el) => new Dashboard(el) },
  users: { roles: ['admin'], make: (el) => new Users(el) },
};

let views = {};

function allowed() {
  return Object.keys(VIEWS).filter((name) => session.hasRole(...VIEWS[name].roles));
}

function route() {
  const names = allowed();
  const wanted = location.hash.replace(/^#/, '');
  const name = names.includes(wanted) ? wanted : names[0];
  for (const el of document.querySelectorAll('.view')) el.hidden = true;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.view === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (!name) {
    document.getElementById('view-none').hidden = false;
    return;
  }
  const section = document.getElementById('view-' + name);
  if (!views[name]) views[name] = VIEWS[name].make(section);
  section.hidden = false;
  document.title = document.querySelector(`#nav a[data-view="${name}"]`).textContent + ' — Вестник';
  views[name].show();
}

async function enter(user) {
  await session.loadNames();
  document.getElementById('app').hidden = false;
  document.getElementById('whoami').textContent = user.name || user.login;
  for (const a of document.querySelectorAll('#nav a')) {
    a.hidden = !session.hasRole(...VIEWS[a.dataset.view].roles);
  }
  if (session.hasRole('agent')) live.connect();
  route();
}

function leave() {
  live.disconnect();
  forgetTemplates();
  Object.values(views).forEach((v) => v.destroy && v.destroy());
  views = {};
  for (const el of document.querySelectorAll('.view:not(#view-none)')) el.replaceChildren();
  document.getElementById('app').hidden = true;
}

let signingIn = false;

async function signIn() {
  if (signingIn) return;
  signingIn = true;
  leave();
  const user = await session.askLogin();
  signingIn = false;
  enter(user);
}

async function start() {
  window.addEventListener('hashchange', route);
  window.addEventListener('vestnik:unauthorized', () => {
    if (!document.getElementById('app').hidden) signIn();
  });
  document.getElementById('logout').addEventListener('click', async () => {
    try {
      await session.logout();
    } catch (e) {
      showError(e);
    }
    signIn();
  });
  try {
    const user = await session.resume();
    if (user) enter(user); else signIn();
  } catch (e) {
    showError(e);
    signIn();
  }
}

start();
