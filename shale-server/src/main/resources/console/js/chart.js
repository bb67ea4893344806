// A small line chart as inline SVG: one polyline per series over a shared time axis, with the latest value of each
// in a legend (the chart is decorative for screen readers; the legend carries the numbers).

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 560;
const HEIGHT = 140;
const PAD = 28;

function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  return element;
}

function format(value) {
  return Math.abs(value) >= 1000 || value === 0 ? Math.round(value).toLocaleString('en')
    : value.toPrecision(3);
}

/**
 * The chart of {@code series} ([{label, points: [[timeMs, value]]}]) over [from, to] milliseconds.
 */
export function lineChart(title, series, from, to) {
  const values = series.flatMap((s) => s.points.map(([, value]) => value));
  const top = Math.max(...values, 0) || 1;
  const x = (time) => PAD + ((time - from) / Math.max(to - from, 1)) * (WIDTH - 2 * PAD);
  const y = (value) => HEIGHT - PAD / 2 - (value / top) * (HEIGHT - PAD);
  const chart = svg('svg', {class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT,
    'aria-hidden': 'true'});
  chart.append(svg('line', {x1: PAD, y1: y(0), x2: WIDTH - PAD, y2: y(0), stroke: '#d5dbe0'}));
  const label = svg('text', {x: 2, y: 12});
  label.textContent = format(top);
  chart.append(label);
  const shades = ['#1f5f8b', '#a1261b', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f'];
  series.forEach((s, i) => {
    const line = svg('polyline', {points: s.points.map(([time, value]) => `${x(time)},${y(value)}`).join(' ')});
    line.setAttribute('stroke', shades[i % shades.length]);
    chart.append(line);
  });
  const figure = document.createElement('figure');
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  const legend = document.createElement('ul');
  legend.className = 'legend';
  series.forEach((s, i) => {
    const item = document.createElement('li');
    item.dataset.shade = String(i % shades.length);
    const last = s.points.at(-1);
    item.textContent = `${s.label || 'all'}: ${last ? format(last[1]) : 'no data'}`;
    legend.append(item);
  });
  figure.append(caption, chart, legend);
  return figure;
}
