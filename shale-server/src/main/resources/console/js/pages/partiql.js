// PartiQL: one statement with ExecuteStatement, its parameters in DynamoDB JSON, and the next pages by NextToken.

import {call} from '../api.js';
import {field, h, run, table} from '../dom.js';
import {show} from '../values.js';

export async function partiqlPage() {
  const statement = h('textarea', {id: 'statement', rows: 4, spellcheck: 'false', class: 'code', required: true});
  const parameters = h('textarea', {id: 'parameters', rows: 2, spellcheck: 'false', class: 'code'});
  const limit = h('input', {id: 'statement-limit', type: 'number', min: 1});
  const status = h('div', {'aria-live': 'polite'});
  const results = h('div', {id: 'statement-results'});
  const submit = h('button', {type: 'submit', id: 'run-statement'}, 'Run');

  const execute = async (nextToken, page) => {
    const input = {Statement: statement.value};
    if (parameters.value.trim()) {
      input.Parameters = JSON.parse(parameters.value);
    }
    if (limit.value) {
      input.Limit = Number(limit.value);
    }
    if (nextToken) {
      input.NextToken = nextToken;
    }
    const output = await call('ExecuteStatement', input);
    const items = output.Items ?? [];
    const columns = [...new Set(items.flatMap((item) => Object.keys(item)))].sort();
    const next = h('button', {type: 'button', id: 'next-statement-page', disabled: !output.NextToken,
      onclick: (event) => run(event.currentTarget, status, () => execute(output.NextToken, page + 1))}, 'Next page');
    results.replaceChildren(
      h('p', {role: 'status', id: 'statement-status'}, `Page ${page}: ${items.length} items`
        + (output.NextToken ? ', more follow' : '')),
      items.length ? table(`Statement results, page ${page}`, columns,
        items.map((item) => columns.map((column) => show(item[column]))), {id: 'statement-items'}) : null,
      h('p', {class: 'pager'}, next));
  };

  const form = h('form', {id: 'partiql-form', onsubmit: (event) => {
    event.preventDefault();
    run(submit, status, () => execute(null, 1));
  }},
  field('Statement', statement, 'For example: SELECT * FROM "Music" WHERE Artist = ?'),
  field('Parameters', parameters, 'A JSON array of DynamoDB values, one per ?: [{"S": "Arcade Fire"}]'),
  field('Limit', limit, 'Items read per page; empty: up to 1 MB'),
  submit);
  return {title: 'PartiQL', content: h('section', {}, h('h1', {}, 'PartiQL'), form, status, results)};
}
