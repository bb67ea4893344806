// One table as DescribeTable and its neighbours tell it: keys, capacity, size, indexes (with the progress of an
// index being built), stream, time to live, point-in-time recovery, backups, tags, and a restore in progress. While
// anything is changing, the page asks again every two seconds.

import {call} from '../api.js';
import {errorBox, facts, h, table} from '../dom.js';

const REFRESH_MS = 2000;

function keys(schema) {
  return (schema ?? []).map((key) => `${key.AttributeName} (${key.KeyType === 'HASH' ? 'partition' : 'sort'})`)
    .join(', ');
}

function projection(index) {
  const {ProjectionType, NonKeyAttributes} = index.Projection ?? {};
  return NonKeyAttributes?.length ? `${ProjectionType}: ${NonKeyAttributes.join(', ')}` : ProjectionType ?? '';
}

function throughput(summary) {
  return summary ? `${summary.ReadCapacityUnits} read, ${summary.WriteCapacityUnits} write` : null;
}

function bytes(count) {
  return count === undefined ? undefined : `${count.toLocaleString('en')} bytes`;
}

/** An index's state, with a progress bar while it is being filled. */
function indexState(index, tableItems) {
  const status = index.IndexStatus ?? 'ACTIVE';
  if (!index.Backfilling && status !== 'CREATING') {
    return status;
  }
  const done = Math.min(index.ItemCount ?? 0, tableItems);
  return h('span', {}, `${status}, backfilling `, h('progress', {max: Math.max(tableItems, 1), value: done,
    'aria-label': `${index.IndexName} backfill`}), ` ${done} of ${tableItems} items`);
}

function changing(description) {
  const indexes = [...(description.GlobalSecondaryIndexes ?? []), ...(description.LocalSecondaryIndexes ?? [])];
  return description.TableStatus !== 'ACTIVE' || description.RestoreSummary?.RestoreInProgress
    || indexes.some((index) => index.Backfilling || (index.IndexStatus && index.IndexStatus !== 'ACTIVE'));
}

async function section(title, load) {
  try {
    return h('section', {}, h('h2', {}, title), await load());
  } catch (error) {
    return h('section', {}, h('h2', {}, title), errorBox(error));
  }
}

async function draw(name) {
  const {Table: t} = await call('DescribeTable', {TableName: name});
  const tableItems = t.ItemCount ?? 0;
  const provisioned = t.BillingModeSummary?.BillingMode !== 'PAY_PER_REQUEST';
  const indexRows = [
    ...(t.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName, 'global', keys(index.KeySchema),
      projection(index), indexState(index, tableItems), String(index.ItemCount ?? ''),
      (provisioned && throughput(index.ProvisionedThroughput)) || '']),
    ...(t.LocalSecondaryIndexes ?? []).map((index) => [index.IndexName, 'local', keys(index.KeySchema),
      projection(index), 'ACTIVE', String(index.ItemCount ?? ''), '']),
  ];
  const restore = t.RestoreSummary;
  const parts = [
    h('p', {class: 'actions'}, h('a', {href: `#/table/${encodeURIComponent(name)}/items`, class: 'button'},
      'Browse and query items'), ' ',
    t.LatestStreamArn ? h('a', {href: `#/table/${encodeURIComponent(name)}/stream`, class: 'button'},
      'Live stream') : null),
    facts([
      ['Status', t.TableStatus],
      ['Key', keys(t.KeySchema)],
      ['Attributes', (t.AttributeDefinitions ?? []).map((a) => `${a.AttributeName}: ${a.AttributeType}`).join(', ')],
      ['Billing mode', t.BillingModeSummary?.BillingMode ?? 'PROVISIONED'],
      ['Provisioned throughput', provisioned ? throughput(t.ProvisionedThroughput) : null],
      ['Items', String(tableItems)],
      ['Size', bytes(t.TableSizeBytes)],
      ['Created', t.CreationDateTime ? new Date(t.CreationDateTime * 1000).toISOString() : null],
      ['ARN', t.TableArn],
      ['Restore', restore ? h('span', {id: 'restore-progress'}, restore.RestoreInProgress
        ? 'in progress: the table answers no item requests until it is ACTIVE'
        : `restored from ${restore.SourceBackupArn ?? restore.SourceTableArn ?? 'a backup'}`
          + ` as of ${new Date(restore.RestoreDateTime * 1000).toISOString()}`) : null],
    ]),
    h('section', {}, h('h2', {}, 'Indexes'), indexRows.length
      ? table('Secondary indexes', ['Name', 'Kind', 'Key', 'Projection', 'Status', 'Items', 'Throughput'], indexRows,
        {id: 'indexes'})
      : h('p', {}, 'No secondary indexes.')),
    h('section', {}, h('h2', {}, 'Stream'), t.StreamSpecification?.StreamEnabled
      ? facts([['View type', t.StreamSpecification.StreamViewType], ['Label', t.LatestStreamLabel],
        ['ARN', t.LatestStreamArn]])
      : h('p', {}, 'No stream.')),
  ];
  const more = await Promise.all([
    section('Time to live', async () => {
      const {TimeToLiveDescription: ttl} = await call('DescribeTimeToLive', {TableName: name});
      return facts([['Status', ttl.TimeToLiveStatus], ['Attribute', ttl.AttributeName]]);
    }),
    section('Point-in-time recovery and backups', async () => {
      const {ContinuousBackupsDescription: backups} = await call('DescribeContinuousBackups', {TableName: name});
      const recovery = backups.PointInTimeRecoveryDescription ?? {};
      const time = (seconds) => seconds ? new Date(seconds * 1000).toISOString() : null;
      const {BackupSummaries: list} = await call('ListBackups', {TableName: name});
      return h('div', {},
        facts([['Continuous backups', backups.ContinuousBackupsStatus],
          ['Point-in-time recovery', recovery.PointInTimeRecoveryStatus],
          ['Recovery period (days)', recovery.RecoveryPeriodInDays ? String(recovery.RecoveryPeriodInDays) : null],
          ['Earliest restorable', time(recovery.EarliestRestorableDateTime)],
          ['Latest restorable', time(recovery.LatestRestorableDateTime)]]),
        list?.length ? table('Backups', ['Name', 'Status', 'Type', 'Created', 'Size'], list.map((b) => [
          b.BackupName, b.BackupStatus, b.BackupType, time(b.BackupCreationDateTime) ?? '',
          bytes(b.BackupSizeBytes) ?? ''])) : h('p', {}, 'No backups.'));
    }),
    section('Tags', async () => {
      const {Tags: tags} = await call('ListTagsOfResource', {ResourceArn: t.TableArn});
      return tags?.length ? table('Tags', ['Key', 'Value'], tags.map((tag) => [tag.Key, tag.Value]))
        : h('p', {}, 'No tags.');
    }),
  ]);
  return {content: [...parts, ...more], changing: changing(t)};
}

export async function tablePage(name) {
  const body = h('div', {id: 'table-description'});
  const heading = h('h1', {}, `Table ${name}`);
  let timer = null;
  let stopped = false;
  const refresh = async () => {
    try {
      const {content, changing: moving} = await draw(name);
      body.replaceChildren(...content);
      if (moving && !stopped) {
        timer = setTimeout(refresh, REFRESH_MS);
      }
    } catch (error) {
      body.replaceChildren(errorBox(error));
    }
  };
  await refresh();
  return {title: `Table ${name}`, content: h('section', {}, heading, body), stop: () => {
    stopped = true;
    clearTimeout(timer);
  }};
}
