// A table's stream, live: its shards found with DescribeStream, read with GetShardIterator and GetRecords once a
// second while the page is shown, newest records first. Shards that appear later are read from their start, so
// nothing written after the view began is missed.

import {call, callStreams} from '../api.js';
import {errorBox, field, h, select, table} from '../dom.js';

const POLL_MS = 1000;
const SHOWN = 200;

function image(value) {
  return value ? JSON.stringify(value) : '';
}

export async function streamPage(name) {
  const {Table: description} = await call('DescribeTable', {TableName: name});
  const arn = description.LatestStreamArn;
  const heading = h('h1', {}, `Stream of ${name}`);
  if (!arn || !description.StreamSpecification?.StreamEnabled) {
    return {title: heading.textContent, content: h('section', {}, heading, h('p', {}, 'This table has no stream.'))};
  }
  const position = select({id: 'stream-position', value: 'LATEST'}, [['LATEST', 'New records only'],
    ['TRIM_HORIZON', 'All records kept (24 hours)']]);
  const toggle = h('button', {type: 'button', id: 'stream-toggle'}, 'Start');
  const status = h('p', {id: 'stream-status', role: 'status'}, 'Stopped.');
  const errors = h('div');
  const list = h('div', {id: 'stream-records'});
  const records = [];
  let iterators = new Map();
  let timer = null;
  let running = false;

  const render = () => {
    list.replaceChildren(records.length ? table(`Latest ${records.length} records, newest first`,
      ['Time', 'Event', 'Keys', 'New image', 'Old image', 'Sequence number'], records.map((record) => [
        record.dynamodb?.ApproximateCreationDateTime
          ? new Date(record.dynamodb.ApproximateCreationDateTime * 1000).toISOString() : '',
        record.eventName, image(record.dynamodb?.Keys), image(record.dynamodb?.NewImage),
        image(record.dynamodb?.OldImage), record.dynamodb?.SequenceNumber ?? '']), {id: 'stream-table'})
      : h('p', {}, 'No records yet.'));
  };

  const discover = async (firstTime) => {
    const {StreamDescription: stream} = await callStreams('DescribeStream', {StreamArn: arn});
    for (const shard of stream.Shards ?? []) {
      if (iterators.has(shard.ShardId) || (shard.SequenceNumberRange?.EndingSequenceNumber && firstTime
        && position.value === 'LATEST')) {
        continue;
      }
      const {ShardIterator: iterator} = await callStreams('GetShardIterator', {StreamArn: arn,
        ShardId: shard.ShardId, ShardIteratorType: firstTime ? position.value : 'TRIM_HORIZON'});
      iterators.set(shard.ShardId, iterator);
    }
  };

  const poll = async () => {
    try {
      await discover(false);
      for (const [shard, iterator] of [...iterators]) {
        if (!iterator) {
          continue;
        }
        const output = await callStreams('GetRecords', {ShardIterator: iterator, Limit: 1000});
        iterators.set(shard, output.NextShardIterator ?? null);
        records.unshift(...(output.Records ?? []).reverse());
      }
      records.splice(SHOWN);
      render();
      status.textContent = `Reading ${[...iterators.values()].filter(Boolean).length} shards;`
        + ` last read ${new Date().toISOString()}.`;
      errors.replaceChildren();
      if (running) {
        timer = setTimeout(poll, POLL_MS);
      }
    } catch (error) {
      errors.replaceChildren(errorBox(error));
      stop();
    }
  };

  const stop = () => {
    running = false;
    clearTimeout(timer);
    toggle.textContent = 'Start';
    position.disabled = false;
    status.textContent = 'Stopped.';
  };

  toggle.addEventListener('click', async () => {
    if (running) {
      stop();
      return;
    }
    running = true;
    toggle.textContent = 'Stop';
    position.disabled = true;
    iterators = new Map();
    try {
      await discover(true);
      await poll();
    } catch (error) {
      errors.replaceChildren(errorBox(error));
      stop();
    }
  });
  render();
  return {title: heading.textContent, content: h('section', {}, heading,
    h('p', {}, `${description.StreamSpecification.StreamViewType}, ${arn}`),
    h('div', {class: 'row'}, field('Start from', position)), toggle, status, errors, list), stop};
}
