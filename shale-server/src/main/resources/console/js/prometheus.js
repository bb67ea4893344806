// Reading the Prometheus text format (what GET /metrics answers): each sample's family, labels and value, and each
// family's type from its # TYPE line.

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** {types: Map(family -> type), samples: [{name, labels, value}]} */
export function parse(text) {
  const types = new Map();
  const samples = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [, , family, type] = line.split(/\s+/);
      types.set(family, type);
      // The text format names a counter's family with its _total, which is no part of the metric's name.
      if (type === 'counter' && family.endsWith('_total')) {
        types.set(family.slice(0, -'_total'.length), type);
      }
      continue;
    }
    const match = line.match(SAMPLE);
    if (!match || line.startsWith('#')) {
      continue;
    }
    const labels = {};
    for (const [, name, value] of (match[3] ?? '').matchAll(LABEL)) {
      labels[name] = value.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
    }
    samples.push({name: match[1], labels, value: Number(match[4])});
  }
  return {types, samples};
}

/** The family a sample belongs to: its name less a histogram's or counter's suffix, when the family is known. */
export function familyOf(name, types) {
  for (const suffix of ['_bucket', '_count', '_sum', '_total', '_created', '_max']) {
    if (name.endsWith(suffix) && types.has(name.slice(0, -suffix.length))) {
      return name.slice(0, -suffix.length);
    }
  }
  return name;
}
