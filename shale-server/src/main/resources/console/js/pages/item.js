// Creating and editing one item as DynamoDB JSON, its types checked as it is typed; saving is a PutItem (a new item
// only where no item has its key), deleting a DeleteItem.

import {call} from '../api.js';
import {errorBox, field, go, h, run} from '../dom.js';
import {keyAttributes, keyOf, parseItem} from '../values.js';

export async function itemPage(name, key) {
  const {Table: description} = await call('DescribeTable', {TableName: name});
  const keys = keyAttributes(description.KeySchema, description.AttributeDefinitions ?? []);
  let item;
  if (key) {
    const output = await call('GetItem', {TableName: name, Key: key, ConsistentRead: true});
    if (!output.Item) {
      return {title: 'No such item', content: h('section', {}, h('h1', {}, 'No such item'),
        errorBox(new Error(`${name} has no item with the key ${JSON.stringify(key)}.`)))};
    }
    item = output.Item;
  } else {
    item = Object.fromEntries(keys.map((k) => [k.name, {[k.type]: ''}]));
  }
  const editor = h('textarea', {id: 'item-json', rows: 16, spellcheck: 'false', class: 'code'},
    JSON.stringify(item, null, 2));
  const problems = h('ul', {id: 'item-problems', class: 'problems', 'aria-live': 'polite'});
  const status = h('div', {'aria-live': 'polite'});
  const save = h('button', {type: 'submit', id: 'save-item'}, key ? 'Save item' : 'Create item');
  const check = () => {
    const parsed = parseItem(editor.value, keys);
    problems.replaceChildren(...(parsed.problems ?? []).map((problem) => h('li', {}, problem)));
    editor.setAttribute('aria-invalid', parsed.problems ? 'true' : 'false');
    save.disabled = Boolean(parsed.problems);
    return parsed;
  };
  editor.addEventListener('input', check);
  const back = `#/table/${encodeURIComponent(name)}/items`;
  const form = h('form', {id: 'item-form', onsubmit: (event) => {
    event.preventDefault();
    const parsed = check();
    if (!parsed.item) {
      return;
    }
    run(save, status, async () => {
      const input = {TableName: name, Item: parsed.item};
      const sameKey = key && JSON.stringify(keyOf(parsed.item, description.KeySchema)) === JSON.stringify(key);
      if (!sameKey) {
        input.ConditionExpression = 'attribute_not_exists(#key)';
        input.ExpressionAttributeNames = {'#key': keys[0].name};
      }
      await call('PutItem', input);
      go(back);
    });
  }},
  field('Item (DynamoDB JSON)', editor, 'Each value names its type: {"S": "text"}, {"N": "42"}, {"BOOL": true},'
    + ' {"L": [...]}, {"M": {...}}, {"SS": [...]}, {"NULL": true}. A changed key saves a new item.'),
  problems, save, ' ',
  key ? h('button', {type: 'button', class: 'danger', id: 'delete-item', onclick: (event) => {
    if (confirm('Delete this item?')) {
      run(event.currentTarget, status, async () => {
        await call('DeleteItem', {TableName: name, Key: key});
        go(back);
      });
    }
  }}, 'Delete item') : null,
  status);
  check();
  return {title: key ? `Item of ${name}` : `New item in ${name}`, content: h('section', {},
    h('h1', {}, key ? `Item of ${name}` : `New item in ${name}`), h('p', {}, h('a', {href: back}, `Items of ${name}`)),
    form)};
}
