// Creating a table: its key, billing and throughput, global and local secondary indexes, stream, time to live and
// tags, sent as one CreateTable (time to live then as UpdateTimeToLive, which CreateTable does not take).

import {call} from '../api.js';
import {field, go, h, run, select} from '../dom.js';

const TYPES = [['S', 'String'], ['N', 'Number'], ['B', 'Binary']];
const PROJECTIONS = ['ALL', 'KEYS_ONLY', 'INCLUDE'];
const STREAMS = [['', 'Off'], ['NEW_AND_OLD_IMAGES', 'New and old images'], ['NEW_IMAGE', 'New image'],
  ['OLD_IMAGE', 'Old image'], ['KEYS_ONLY', 'Keys only']];

let indexCount = 0;

/** A key attribute's name and type inputs, with ids starting with {@code prefix}. */
function keyInputs(prefix, label, required) {
  const name = h('input', {id: `${prefix}-name`, required, spellcheck: 'false'});
  const type = select({id: `${prefix}-type`, value: 'S'}, TYPES);
  return {name, type, fields: h('div', {class: 'row'}, field(`${label} name`, name), field(`${label} type`, type))};
}

function projectionInputs(prefix) {
  const type = select({id: `${prefix}-projection`, value: 'ALL'}, PROJECTIONS);
  const attributes = h('input', {id: `${prefix}-include`, spellcheck: 'false'});
  return {type, attributes, fields: h('div', {class: 'row'}, field('Projection', type),
    field('Included attributes', attributes, 'With INCLUDE: names separated by commas'))};
}

function projection({type, attributes}) {
  return type.value === 'INCLUDE'
    ? {ProjectionType: 'INCLUDE', NonKeyAttributes: attributes.value.split(',').map((a) => a.trim()).filter(Boolean)}
    : {ProjectionType: type.value};
}

function throughputInputs(prefix) {
  const read = h('input', {id: `${prefix}-rcu`, type: 'number', min: 1, value: 5});
  const write = h('input', {id: `${prefix}-wcu`, type: 'number', min: 1, value: 5});
  return {read, write, fields: h('div', {class: 'row provisioned'}, field('Read capacity units', read),
    field('Write capacity units', write))};
}

function indexName(id) {
  return h('input', {id: `${id}-name`, required: true, spellcheck: 'false'});
}

/** Shows an index's inputs in {@code list}, keeps it in {@code indexes}, and lets the user remove it from both. */
function addIndex(legend, indexes, list, index, ...fields) {
  const set = h('fieldset', {class: 'index'}, h('legend', {}, legend), field('Index name', index.name), fields,
    h('button', {type: 'button', onclick: () => {
      indexes.splice(indexes.indexOf(index), 1);
      set.remove();
    }}, 'Remove this index'));
  indexes.push(index);
  list.append(set);
  index.name.focus();
}

function keySchema(partition, sort) {
  const schema = [{AttributeName: partition.name.value.trim(), KeyType: 'HASH'}];
  if (sort.name.value.trim()) {
    schema.push({AttributeName: sort.name.value.trim(), KeyType: 'RANGE'});
  }
  return schema;
}

export async function createTablePage() {
  const name = h('input', {id: 'table-name', required: true, spellcheck: 'false'});
  const partition = keyInputs('partition-key', 'Partition key', true);
  const sort = keyInputs('sort-key', 'Sort key', false);
  const billing = select({id: 'billing-mode', value: 'PAY_PER_REQUEST'},
    [['PAY_PER_REQUEST', 'On demand'], ['PROVISIONED', 'Provisioned']]);
  const throughput = throughputInputs('table');
  const stream = select({id: 'stream-view'}, STREAMS);
  const ttl = h('input', {id: 'ttl-attribute', spellcheck: 'false'});
  const tags = h('textarea', {id: 'tags', rows: 2, spellcheck: 'false'});
  const globals = [];
  const locals = [];
  const globalList = h('div');
  const localList = h('div');
  const form = h('form', {id: 'create-table-form'});

  const showThroughput = () => form.classList.toggle('on-demand', billing.value === 'PAY_PER_REQUEST');
  billing.addEventListener('change', showThroughput);

  const addGlobal = () => {
    const id = `gsi-${++indexCount}`;
    const index = {name: indexName(id), partition: keyInputs(`${id}-pk`, 'Partition key', true),
      sort: keyInputs(`${id}-sk`, 'Sort key', false), projection: projectionInputs(id),
      throughput: throughputInputs(id)};
    addIndex('Global secondary index', globals, globalList, index, index.partition.fields, index.sort.fields,
      index.projection.fields, index.throughput.fields);
  };
  const addLocal = () => {
    const id = `lsi-${++indexCount}`;
    const index = {name: indexName(id), sort: keyInputs(`${id}-sk`, 'Sort key', true),
      projection: projectionInputs(id)};
    addIndex('Local secondary index', locals, localList, index, index.sort.fields, index.projection.fields);
  };

  const request = () => {
    const definitions = new Map();
    const define = (key) => {
      if (key.name.value.trim()) {
        definitions.set(key.name.value.trim(), key.type.value);
      }
    };
    [partition, sort, ...globals.flatMap((g) => [g.partition, g.sort]), ...locals.map((l) => l.sort)].forEach(define);
    const provisioned = billing.value === 'PROVISIONED';
    const capacity = (inputs) => ({ReadCapacityUnits: Number(inputs.read.value),
      WriteCapacityUnits: Number(inputs.write.value)});
    const input = {
      TableName: name.value.trim(),
      AttributeDefinitions: [...definitions].map(([AttributeName, AttributeType]) => ({AttributeName, AttributeType})),
      KeySchema: keySchema(partition, sort),
      BillingMode: billing.value,
    };
    if (provisioned) {
      input.ProvisionedThroughput = capacity(throughput);
    }
    if (globals.length) {
      input.GlobalSecondaryIndexes = globals.map((g) => ({IndexName: g.name.value.trim(),
        KeySchema: keySchema(g.partition, g.sort), Projection: projection(g.projection),
        ...(provisioned ? {ProvisionedThroughput: capacity(g.throughput)} : {})}));
    }
    if (locals.length) {
      input.LocalSecondaryIndexes = locals.map((l) => ({IndexName: l.name.value.trim(),
        KeySchema: [{AttributeName: partition.name.value.trim(), KeyType: 'HASH'},
          {AttributeName: l.sort.name.value.trim(), KeyType: 'RANGE'}], Projection: projection(l.projection)}));
    }
    if (stream.value) {
      input.StreamSpecification = {StreamEnabled: true, StreamViewType: stream.value};
    }
    const tagList = tags.value.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
      const equals = line.indexOf('=');
      return equals < 0 ? {Key: line, Value: ''} : {Key: line.slice(0, equals).trim(), Value: line.slice(equals + 1)};
    });
    if (tagList.length) {
      input.Tags = tagList;
    }
    return input;
  };

  const status = h('div', {'aria-live': 'polite'});
  const preview = h('pre', {id: 'create-table-request'});
  const submit = h('button', {type: 'submit', id: 'create-table'}, 'Create table');
  form.addEventListener('input', () => preview.replaceChildren(JSON.stringify(request(), null, 2)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(submit, status, async () => {
      const input = request();
      await call('CreateTable', input);
      if (ttl.value.trim()) {
        await waitUntilActive(input.TableName);
        await call('UpdateTimeToLive', {TableName: input.TableName,
          TimeToLiveSpecification: {Enabled: true, AttributeName: ttl.value.trim()}});
      }
      go(`#/table/${encodeURIComponent(input.TableName)}`);
    });
  });
  form.append(
    field('Table name', name),
    h('fieldset', {}, h('legend', {}, 'Primary key'), partition.fields, sort.fields,
      h('small', {class: 'hint'}, 'Leave the sort key name empty for a partition key alone.')),
    h('fieldset', {}, h('legend', {}, 'Capacity'), field('Billing mode', billing), throughput.fields),
    h('fieldset', {}, h('legend', {}, 'Global secondary indexes'), globalList,
      h('button', {type: 'button', id: 'add-gsi', onclick: addGlobal}, 'Add a global index')),
    h('fieldset', {}, h('legend', {}, 'Local secondary indexes'), localList,
      h('button', {type: 'button', id: 'add-lsi', onclick: addLocal}, 'Add a local index')),
    h('fieldset', {}, h('legend', {}, 'Stream and time to live'), field('Stream', stream),
      field('Time-to-live attribute', ttl, 'Items expire at the epoch second this attribute holds; empty: off')),
    field('Tags', tags, 'One KEY=VALUE a line'),
    submit, status,
    h('details', {}, h('summary', {}, 'The CreateTable request'), preview));
  showThroughput();
  preview.replaceChildren(JSON.stringify(request(), null, 2));
  return {title: 'Create table', content: h('section', {}, h('h1', {}, 'Create table'), form)};
}

/** Waits, within half a minute, for the table to be ACTIVE. */
async function waitUntilActive(tableName) {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const {Table} = await call('DescribeTable', {TableName: tableName});
    if (Table.TableStatus === 'ACTIVE') {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
