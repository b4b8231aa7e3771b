// Console users of the tenant (admin): who may log in with which roles; create, change roles, disable, set a password.
import { get, post, patch } from './api.js';
import { h, clear } from './dom.js';
import { showError, showInfo } from './notify.js';
import { user as me, loadNames } from './session.js';

const ROLES = [['agent', 'оператор'], ['marketer', 'маркетолог'], ['admin', 'администратор']];

function roleBoxes(prefix, checked) {
  return h('span', { class: 'roles' }, ROLES.map(([role, name]) => h('label', { class: 'role' },
    h('input', { type: 'checkbox', name: prefix + '-' + role, value: role,
      // as an attribute, so that a form reset comes back to it
      checked: checked.includes(role) ? 'checked' : false }), ' ' + name)));
}

function chosen(container) {
  return [...container.querySelectorAll('input[type=checkbox]:checked')].map((b) => b.value);
}

export class Users {
  constructor(section) {
    this.section = section;
    this.list = h('tbody');
    this.form = this.createForm();
    clear(section).append(
      h('header', { class: 'dashboard-head' }, h('h2', {}, 'Пользователи')),
      h('section', { class: 'card' }, h('h3', {}, 'Новый пользователь'), this.form),
      h('section', { class: 'card' }, h('h3', {}, 'Учётные записи'),
        h('table', { class: 'users-table' },
          h('thead', {}, h('tr', {}, ['Логин', 'Имя', 'Роли', 'Доступ', 'Новый пароль', ''].map((t) => h('th', { scope: 'col' }, t)))),
          this.list)));
  }

  show() {
    this.load();
  }

  createForm() {
    const login = h('input', { name: 'login', autocomplete: 'off', required: true, 'aria-label': 'Логин' });
    const name = h('input', { name: 'name', autocomplete: 'off', required: true, 'aria-label': 'Имя' });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true,
      minlength: 10, 'aria-label': 'Пароль (не короче 10 символов)' });
    const roles = roleBoxes('new', ['agent']);
    const form = h('form', { class: 'user-form', novalidate: true },
      h('label', {}, 'Логин ', login), h('label', {}, 'Имя ', name), h('label', {}, 'Пароль ', password), roles,
      h('button', { type: 'submit', class: 'primary' }, 'Создать'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await post('/v1/users', { login: login.value.trim(), name: name.value.trim(), password: password.value,
          roles: chosen(roles) });
        showInfo('Пользователь ' + login.value.trim() + ' создан');
        form.reset();
        await loadNames();
        this.load();
      } catch (err) {
        showError(err);
      }
    });
    return form;
  }

  async load() {
    try {
      const body = await get('/v1/users');
      this.render(body.users || []);
    } catch (e) {
      showError(e);
    }
  }

  render(users) {
    clear(this.list);
    for (const u of users) {
      const roles = roleBoxes('u-' + u.id, u.roles);
      const enabled = h('input', { type: 'checkbox', checked: !u.disabled, 'aria-label': 'Может входить: ' + u.login });
      const password = h('input', { type: 'password', autocomplete: 'new-password', placeholder: 'не менять',
        'aria-label': 'Новый пароль для ' + u.login });
      const self = me() && me().id === u.id;
      if (self) enabled.disabled = true;
      const save = h('button', { type: 'button', class: 'ghost small' }, 'Сохранить');
      save.addEventListener('click', async () => {
        const change = { roles: chosen(roles), disabled: !enabled.checked };
        if (password.value) change.password = password.value;
        try {
          await patch('/v1/users/' + encodeURIComponent(u.id), change);
          showInfo('Изменения для ' + u.login + ' сохранены');
          this.load();
        } catch (err) {
          showError(err);
        }
      });
      this.list.append(h('tr', { dataset: { login: u.login } },
        h('td', {}, u.login + (self ? ' (вы)' : '')), h('td', {}, u.name), h('td', {}, roles),
        h('td', {}, h('label', {}, enabled, ' может входить')), h('td', {}, password), h('td', {}, save)));
    }
  }
}
