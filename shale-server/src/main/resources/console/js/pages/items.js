// Browsing a table's items with Scan and Query: the key condition built from the key's attributes, a filter,
// an index, a projection, a page size and a direction; pages follow LastEvaluatedKey forwards and the kept
// start keys backwards. Each item can be edited or deleted.

import {call} from '../api.js';
import {errorBox, field, h, run, select, table} from '../dom.js';
import {keyAttributes, keyOf, show} from '../values.js';

const SORT_CONDITIONS = [['', 'any'], ['=', '='], ['<', '<'], ['<=', '<='], ['>', '>'], ['>=', '>='],
  ['begins_with', 'begins with'], ['between', 'between']];

function attributeValue(type, text) {
  return {[type]: text};
}

function parseJson(text, what) {
  if (!text.trim()) {
    return {};
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} is not JSON: ${error.message}`);
  }
}

/** The key conditions' inputs for the table or one of its indexes. */
function keyForm(attributes) {
  const partitions = attributes.filter((a) => a.role === 'HASH').map((a, i) => ({...a,
    input: h('input', {id: `key-${i}`, spellcheck: 'false'})}));
  const sort = attributes.find((a) => a.role === 'RANGE');
  const form = {partitions, sort};
  const fields = partitions.map((p) => field(`${p.name} (partition key, ${p.type}) =`, p.input));
  if (sort) {
    form.condition = select({id: 'sort-condition', value: ''}, SORT_CONDITIONS);
    form.value = h('input', {id: 'sort-value', spellcheck: 'false'});
    form.second = h('input', {id: 'sort-value-2', spellcheck: 'false'});
    fields.push(h('div', {class: 'row'}, field(`${sort.name} (sort key, ${sort.type})`, form.condition),
      field('Value', form.value), field('And (between)', form.second)));
  }
  form.fields = h('div', {id: 'key-condition'}, fields);
  return form;
}

/** KeyConditionExpression with its names and values, from the key form. */
function keyCondition(form) {
  const names = {};
  const values = {};
  const terms = form.partitions.map((p, i) => {
    names[`#k${i}`] = p.name;
    values[`:k${i}`] = attributeValue(p.type, p.input.value);
    return `#k${i} = :k${i}`;
  });
  const {sort, condition} = form;
  if (sort && condition.value) {
    names['#s'] = sort.name;
    values[':s1'] = attributeValue(sort.type, form.value.value);
    if (condition.value === 'begins_with') {
      terms.push('begins_with(#s, :s1)');
    } else if (condition.value === 'between') {
      values[':s2'] = attributeValue(sort.type, form.second.value);
      terms.push('#s BETWEEN :s1 AND :s2');
    } else {
      terms.push(`#s ${condition.value} :s1`);
    }
  }
  return {expression: terms.join(' AND '), names, values};
}

export async function itemsPage(name) {
  const {Table: description} = await call('DescribeTable', {TableName: name});
  const definitions = description.AttributeDefinitions ?? [];
  const tableKey = keyAttributes(description.KeySchema, definitions);
  const indexes = [...(description.GlobalSecondaryIndexes ?? []), ...(description.LocalSecondaryIndexes ?? [])];

  const operation = select({id: 'operation', value: 'Scan'}, ['Scan', 'Query']);
  const index = select({id: 'index', value: ''}, [['', `table ${name}`],
    ...indexes.map((i) => [i.IndexName, `index ${i.IndexName}`])]);
  const filter = h('input', {id: 'filter', spellcheck: 'false'});
  const names = h('textarea', {id: 'names', rows: 2, spellcheck: 'false'});
  const values = h('textarea', {id: 'values', rows: 2, spellcheck: 'false'});
  const projection = h('input', {id: 'projection', spellcheck: 'false'});
  const limit = h('input', {id: 'limit', type: 'number', min: 1, value: 25});
  const direction = select({id: 'direction', value: 'forward'}, [['forward', 'Ascending'],
    ['backward', 'Descending']]);
  const keyArea = h('div');
  let keys = null;
  const showKeys = () => {
    const chosen = indexes.find((i) => i.IndexName === index.value);
    keys = keyForm(keyAttributes(chosen ? chosen.KeySchema : description.KeySchema, definitions));
    keyArea.replaceChildren(operation.value === 'Query' ? keys.fields : '');
    direction.disabled = operation.value !== 'Query';
  };
  operation.addEventListener('change', showKeys);
  index.addEventListener('change', showKeys);
  showKeys();

  const status = h('div', {'aria-live': 'polite'});
  const results = h('div', {id: 'results'});
  const submit = h('button', {type: 'submit', id: 'run'}, 'Run');

  /** The request without its start key; pages differ only in that. */
  const request = () => {
    const input = {TableName: name, Limit: Number(limit.value) || undefined};
    const expressionNames = parseJson(names.value, 'Attribute names');
    const expressionValues = parseJson(values.value, 'Attribute values');
    if (index.value) {
      input.IndexName = index.value;
    }
    if (operation.value === 'Query') {
      const condition = keyCondition(keys);
      input.KeyConditionExpression = condition.expression;
      Object.assign(expressionNames, condition.names);
      Object.assign(expressionValues, condition.values);
      input.ScanIndexForward = direction.value === 'forward';
    }
    if (filter.value.trim()) {
      input.FilterExpression = filter.value.trim();
    }
    if (projection.value.trim()) {
      input.ProjectionExpression = projection.value.trim();
    }
    if (Object.keys(expressionNames).length) {
      input.ExpressionAttributeNames = expressionNames;
    }
    if (Object.keys(expressionValues).length) {
      input.ExpressionAttributeValues = expressionValues;
    }
    return input;
  };

  /** Shows the page starting at starts[page]; keeps each page's start to go back. */
  const showPage = async (base, starts, page) => {
    const input = starts[page] ? {...base, ExclusiveStartKey: starts[page]} : base;
    const output = await call(operation.value, input);
    const items = output.Items ?? [];
    const columns = [...new Set([...tableKey.map((k) => k.name), ...items.flatMap((item) => Object.keys(item))
      .sort()])];
    const rows = items.map((item) => {
      const key = keyOf(item, description.KeySchema);
      const complete = tableKey.every((k) => item[k.name]);
      const remove = h('button', {type: 'button', class: 'danger'}, 'Delete');
      remove.addEventListener('click', () => {
        if (confirm(`Delete the item ${JSON.stringify(key)}?`)) {
          run(remove, status, async () => {
            await call('DeleteItem', {TableName: name, Key: key});
            await showPage(base, starts, page);
          });
        }
      });
      return [...columns.map((column) => show(item[column])), complete ? h('span', {class: 'actions'},
        h('a', {href: `#/table/${encodeURIComponent(name)}/item/${encodeURIComponent(JSON.stringify(key))}`},
          'Edit'), ' ', remove) : ''];
    });
    if (output.LastEvaluatedKey) {
      starts[page + 1] = output.LastEvaluatedKey;
    }
    results.replaceChildren(
      h('p', {id: 'page-status', role: 'status'}, `Page ${page + 1}: ${items.length} items`
        + ` (${output.ScannedCount ?? items.length} read)${output.LastEvaluatedKey ? ', more follow' : ''}`),
      items.length ? table(`${operation.value} results, page ${page + 1}`, [...columns, 'Actions'], rows,
        {id: 'items'}) : h('p', {}, 'No items on this page.'),
      h('p', {class: 'pager'},
        h('button', {type: 'button', id: 'previous-page', disabled: page === 0,
          onclick: (event) => run(event.currentTarget, status, () => showPage(base, starts, page - 1))},
        'Previous page'),
        ' ',
        h('button', {type: 'button', id: 'next-page', disabled: !output.LastEvaluatedKey,
          onclick: (event) => run(event.currentTarget, status, () => showPage(base, starts, page + 1))},
        'Next page')));
  };

  const form = h('form', {id: 'query-form', onsubmit: (event) => {
    event.preventDefault();
    run(submit, status, () => showPage(request(), [undefined], 0));
  }},
  h('div', {class: 'row'}, field('Operation', operation), field('Read from', index),
    field('Items per page (Limit)', limit), field('Direction (Query)', direction)),
  keyArea,
  field('Filter expression', filter, 'For example: #genre = :genre'),
  h('div', {class: 'row'}, field('Expression attribute names', names, 'JSON: {"#genre": "Genre"}'),
    field('Expression attribute values', values, 'DynamoDB JSON: {":genre": {"S": "Rock"}}')),
  field('Projection expression', projection, 'Attributes to return, separated by commas; empty: all'),
  submit);

  const section = h('section', {}, h('h1', {}, `Items of ${name}`),
    h('p', {class: 'actions'}, h('a', {href: `#/table/${encodeURIComponent(name)}/item`, class: 'button',
      id: 'new-item'}, 'New item'), ' ', h('a', {href: `#/table/${encodeURIComponent(name)}`}, 'Table details')),
    form, status, results);
  try {
    await showPage(request(), [undefined], 0);
  } catch (error) {
    status.replaceChildren(errorBox(error));
  }
  return {title: `Items of ${name}`, content: section};
}
