// The console's shell: the settings, signing in, and a hash router that draws one page at a time into <main>.

import {currentSettings, loadSettings, onAuthenticationError} from './api.js';
import {go, h} from './dom.js';
import {createTablePage} from './pages/create-table.js';
import {itemPage} from './pages/item.js';
import {itemsPage} from './pages/items.js';
import {metricsPage} from './pages/metrics.js';
import {partiqlPage} from './pages/partiql.js';
import {signInPage} from './pages/sign-in.js';
import {streamPage} from './pages/stream.js';
import {tablePage} from './pages/table.js';
import {tablesPage} from './pages/tables.js';
import {credentials, signOut} from './session.js';
import {canSign} from './sigv4.js';

const main = document.getElementById('main');
const routes = [
  [/^#\/tables$/, () => tablesPage()],
  [/^#\/create-table$/, () => createTablePage()],
  [/^#\/table\/([^/]+)$/, (name) => tablePage(name)],
  [/^#\/table\/([^/]+)\/items$/, (name) => itemsPage(name)],
  [/^#\/table\/([^/]+)\/item$/, (name) => itemPage(name, null)],
  [/^#\/table\/([^/]+)\/item\/(.+)$/, (name, key) => itemPage(name, JSON.parse(key))],
  [/^#\/table\/([^/]+)\/stream$/, (name) => streamPage(name)],
  [/^#\/partiql$/, () => partiqlPage()],
  [/^#\/metrics$/, () => metricsPage()],
  [/^#\/sign-in$/, () => signInPage(null)],
];

/** What the page being shown needs to stop (polling, timers) when another is drawn. */
let stopCurrent = () => {};
let authenticationError = null;

async function draw() {
  stopCurrent();
  stopCurrent = () => {};
  showWho();
  if (!canSign()) {
    main.replaceChildren(h('h1', {}, 'The console cannot sign requests here'),
      h('p', {role: 'alert'}, 'Browsers sign (WebCrypto) only on secure pages: open the console over HTTPS'
        + ' (--tls-cert or --tls-self-signed) or at a loopback address such as http://127.0.0.1.'));
    return;
  }
  const hash = location.hash || '#/tables';
  if ((currentSettings().authenticating && !credentials()) || authenticationError) {
    const error = authenticationError;
    authenticationError = null;
    if (hash !== '#/sign-in') {
      sessionStorage.setItem('shaledb.console.after-sign-in', hash);
    }
    render(await signInPage(error));
    return;
  }
  for (const [pattern, page] of routes) {
    const match = hash.match(pattern);
    if (match) {
      const shown = await page(...match.slice(1).map(decodeURIComponent));
      render(shown);
      return;
    }
  }
  render({title: 'Not found', content: h('p', {}, 'No such page. ', h('a', {href: '#/tables'}, 'Tables'))});
}

function render({title, content, stop}) {
  document.title = `${title} · ShaleDB console`;
  main.replaceChildren(content);
  stopCurrent = stop ?? (() => {});
  for (const link of document.querySelectorAll('nav a')) {
    link.toggleAttribute('aria-current', location.hash.startsWith(link.getAttribute('href')));
  }
  main.focus({preventScroll: true});
}

function showWho() {
  const who = document.getElementById('who');
  const signed = credentials();
  if (!currentSettings().authenticating) {
    who.replaceChildren(h('span', {}, 'Authentication off'));
  } else if (signed) {
    who.replaceChildren(h('span', {}, `Signed in as ${signed.accessKeyId} `),
      h('button', {type: 'button', id: 'sign-out', onclick: () => {
        signOut();
        go('#/sign-in');
      }}, 'Sign out'));
  } else {
    who.replaceChildren();
  }
}

onAuthenticationError(async (error) => {
  authenticationError = error;
  await loadSettings();
  go('#/sign-in');
});

window.addEventListener('hashchange', draw);
await loadSettings();
draw();
