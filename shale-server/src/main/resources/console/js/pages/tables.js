// The tables: each with its status, keys, billing and item count, a link to it, and deletion.

import {call} from '../api.js';
import {errorBox, h, run, table} from '../dom.js';

const PAGE = 100;

export async function tablesPage() {
  const status = h('div', {'aria-live': 'polite'});
  const list = h('div');
  const section = h('section', {}, h('h1', {}, 'Tables'),
    h('p', {}, h('a', {href: '#/create-table', class: 'button'}, 'Create table')), status, list);
  await showPage(list, status, undefined, []);
  return {title: 'Tables', content: section};
}

async function showPage(list, status, start, previous) {
  let output;
  try {
    output = await call('ListTables', start ? {Limit: PAGE, ExclusiveStartTableName: start} : {Limit: PAGE});
  } catch (error) {
    list.replaceChildren(errorBox(error));
    return;
  }
  const names = output.TableNames ?? [];
  const described = await Promise.all(names.map((name) => call('DescribeTable', {TableName: name})
    .then((answer) => answer.Table, () => null)));
  const rows = names.map((name, i) => {
    const description = described[i];
    const remove = h('button', {type: 'button', class: 'danger', 'data-table': name,
      'aria-label': `Delete table ${name}`}, 'Delete');
    remove.addEventListener('click', () => {
      if (confirm(`Delete table ${name} and all its items?`)) {
        run(remove, status, async () => {
          await call('DeleteTable', {TableName: name});
          status.replaceChildren(h('p', {role: 'status'}, `Table ${name} is being deleted.`));
          await showPage(list, status, start, previous);
        });
      }
    });
    return [
      h('a', {href: `#/table/${encodeURIComponent(name)}`}, name),
      description?.TableStatus ?? '',
      (description?.KeySchema ?? []).map((key) => `${key.AttributeName} (${key.KeyType})`).join(', '),
      description?.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
      String(description?.ItemCount ?? ''),
      h('span', {class: 'actions'},
        h('a', {href: `#/table/${encodeURIComponent(name)}/items`}, 'Items'), ' ', remove),
    ];
  });
  const pager = h('p', {class: 'pager'},
    previous.length ? h('button', {type: 'button', onclick: () => showPage(list, status, previous.at(-1),
      previous.slice(0, -1))}, 'Previous tables') : null,
    output.LastEvaluatedTableName ? h('button', {type: 'button', onclick: () => showPage(list, status,
      output.LastEvaluatedTableName, [...previous, start])}, 'More tables') : null);
  list.replaceChildren(names.length ? table(`${names.length} tables`, ['Name', 'Status', 'Key', 'Billing',
    'Items', 'Actions'], rows, {id: 'tables'}) : h('p', {}, 'No tables yet.'), pager);
}
