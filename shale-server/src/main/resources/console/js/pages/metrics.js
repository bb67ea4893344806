// The server's metrics, charted over the last minutes, once the server publishes them.

import {h} from '../dom.js';

export async function metricsPage() {
  return {title: 'Metrics', content: h('section', {}, h('h1', {}, 'Metrics'),
    h('p', {id: 'metrics-status'}, 'This server publishes no metrics yet.'))};
}
