// The server's metrics (GET /metrics, Prometheus' text format), read every five seconds while the page is shown and
// charted over the last ten minutes: counters as rates per second, gauges as they are, histograms as requests per
// second and mean latency. One line per table, index or operation, as the labels say; the page keeps the samples,
// so the charts start when the page opens.

import {lineChart} from '../chart.js';
import {field, h} from '../dom.js';
import {familyOf, parse} from '../prometheus.js';

const POLL_MS = 5000;
const WINDOW_MS = 10 * 60 * 1000;
const LINES = 6;
/** Families of the JVM and the process, left out unless asked for. */
const RUNTIME = /^(jvm|process|system|executor|disk|netty)_/;

function seriesKey(labels) {
  return Object.entries(labels).filter(([name]) => name !== 'le' && name !== 'quantile')
    .map(([name, value]) => `${name}=${value}`).sort().join(', ');
}

export async function metricsPage() {
  const status = h('p', {id: 'metrics-status', role: 'status'}, 'Reading the metrics…');
  const filter = h('input', {id: 'metrics-filter', type: 'search', spellcheck: 'false'});
  const runtime = h('input', {id: 'metrics-runtime', type: 'checkbox'});
  const charts = h('div', {id: 'metrics-charts'});
  /** Per sample name and label set: [[timeMs, value]] within the window. */
  const history = new Map();
  let types = new Map();
  let timer = null;
  let running = true;

  const rate = (points) => points.slice(1).map(([time, value], i) => {
    const [earlierTime, earlier] = points[i];
    return [time, Math.max(0, (value - earlier) / ((time - earlierTime) / 1000))];
  });

  const draw = () => {
    const now = Date.now();
    const families = new Map();
    for (const [key, points] of history) {
      const [name, labels] = key.split('\u0000');
      const family = familyOf(name, types);
      if ((RUNTIME.test(family) && !runtime.checked) || !family.includes(filter.value.trim())) {
        continue;
      }
      if (!families.has(family)) {
        families.set(family, []);
      }
      families.get(family).push({name, labels, points});
    }
    const figures = [];
    for (const [family, members] of [...families].sort(([a], [b]) => a.localeCompare(b))) {
      const type = types.get(family) ?? 'gauge';
      let series;
      let title;
      if (type === 'histogram' || type === 'summary') {
        const counts = members.filter((m) => m.name === `${family}_count`);
        const sums = new Map(members.filter((m) => m.name === `${family}_sum`).map((m) => [m.labels, m.points]));
        series = counts.map((count) => {
          const sum = sums.get(count.labels) ?? [];
          const points = count.points.slice(1).map(([time, value], i) => {
            const calls = value - count.points[i][1];
            const total = (sum[i + 1]?.[1] ?? 0) - (sum[i]?.[1] ?? 0);
            return [time, calls > 0 ? total / calls : 0];
          });
          return {label: count.labels, points};
        });
        title = `${family}: mean per observation`;
      } else if (type === 'counter') {
        series = members.map((m) => ({label: m.labels, points: rate(m.points)}));
        title = `${family}: per second`;
      } else {
        series = members.map((m) => ({label: m.labels, points: m.points}));
        title = family;
      }
      series = series.filter((s) => s.points.length).sort((a, b) => (b.points.at(-1)[1] - a.points.at(-1)[1]))
        .slice(0, LINES);
      if (series.length) {
        figures.push(lineChart(title, series, now - WINDOW_MS, now));
      }
    }
    charts.replaceChildren(...(figures.length ? figures
      : [h('p', {}, 'Charts appear after two readings (ten seconds).')]));
  };

  const poll = async () => {
    try {
      const response = await fetch('/metrics', {cache: 'no-store'});
      if (response.status === 404) {
        status.textContent = 'This server publishes no metrics.';
        return;
      }
      if (response.status === 403) {
        status.textContent = 'The server refused its metrics to this browser: with users, GET /metrics answers only'
          + ' clients on its own machine; without, only a loopback or allowed host.';
        return;
      }
      if (!response.ok) {
        status.textContent = `GET /metrics answered HTTP ${response.status}.`;
        return;
      }
      const read = parse(await response.text());
      types = read.types;
      const now = Date.now();
      for (const sample of read.samples) {
        if (sample.name.endsWith('_bucket') || !Number.isFinite(sample.value)) {
          continue;
        }
        const key = `${sample.name}\u0000${seriesKey(sample.labels)}`;
        const points = history.get(key) ?? [];
        points.push([now, sample.value]);
        while (points.length && points[0][0] < now - WINDOW_MS) {
          points.shift();
        }
        history.set(key, points);
      }
      status.textContent = `Last read ${new Date(now).toISOString()}; read every ${POLL_MS / 1000} s while this`
        + ' page is shown.';
      draw();
    } catch (error) {
      status.textContent = `The metrics could not be read: ${error.message}`;
    }
    if (running) {
      timer = setTimeout(poll, POLL_MS);
    }
  };

  filter.addEventListener('input', draw);
  runtime.addEventListener('change', draw);
  await poll();
  return {title: 'Metrics', content: h('section', {}, h('h1', {}, 'Metrics'), status,
    h('div', {class: 'row'}, field('Only metrics whose name contains', filter),
      h('div', {class: 'field check'}, runtime, h('label', {for: 'metrics-runtime'}, 'JVM and process metrics'))),
    charts), stop: () => {
    running = false;
    clearTimeout(timer);
  }};
}
