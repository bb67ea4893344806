// Signing in: an access key id and secret, checked with one signed ListTables before they are kept for the tab.

import {verify} from '../api.js';
import {errorBox, field, go, h, run} from '../dom.js';
import {signIn} from '../session.js';

export async function signInPage(error) {
  const keyId = h('input', {id: 'access-key-id', name: 'access-key-id', autocomplete: 'username', required: true,
    spellcheck: 'false'});
  const secret = h('input', {id: 'secret-access-key', name: 'secret-access-key', type: 'password',
    autocomplete: 'current-password', required: true});
  const status = h('div', {'aria-live': 'polite'}, error ? errorBox(error) : null);
  const submit = h('button', {type: 'submit', id: 'sign-in'}, 'Sign in');
  const form = h('form', {class: 'narrow', onsubmit: (event) => {
    event.preventDefault();
    run(submit, status, async () => {
      const signing = {accessKeyId: keyId.value.trim(), secretAccessKey: secret.value};
      await verify(signing);
      signIn(signing.accessKeyId, signing.secretAccessKey);
      const next = sessionStorage.getItem('shaledb.console.after-sign-in') ?? '#/tables';
      sessionStorage.removeItem('shaledb.console.after-sign-in');
      go(next === '#/sign-in' ? '#/tables' : next);
    });
  }},
  h('p', {}, 'This server verifies every request\'s signature. Sign in with an access key'
    + ' (shaledb users keys create NAME): the console signs each request with it in this tab, and keeps it only'
    + ' until the tab is closed.'),
  field('Access key id', keyId),
  field('Secret access key', secret),
  submit,
  status);
  return {title: 'Sign in', content: h('section', {}, h('h1', {}, 'Sign in'), form)};
}
