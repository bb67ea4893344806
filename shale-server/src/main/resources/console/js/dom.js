// Builds the page from elements, never from HTML strings, so no value read from the database can become markup.

/**
 * An element: h('a', {href: '#/tables'}, 'Tables'). Attributes starting with "on" are listeners; false, null and
 * undefined attributes are left out; children may be strings, nodes, arrays of them, or null (skipped).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value' || name === 'checked' || name === 'selected') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

let fieldCount = 0;

/** A labelled control: the label names it for screen readers and moves focus to it when clicked. */
export function field(label, control, hint = null) {
  if (!control.id) {
    control.id = `field-${++fieldCount}`;
  }
  const children = [h('label', {for: control.id}, label), control];
  if (hint) {
    const hintId = `${control.id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    children.push(h('small', {id: hintId, class: 'hint'}, hint));
  }
  return h('div', {class: 'field'}, children);
}

/** A select of the given options ([value, text] pairs or plain values). */
export function select(attributes, options) {
  return h('select', attributes, options.map((option) => {
    const [value, text] = Array.isArray(option) ? option : [option, option];
    return h('option', {value, selected: value === attributes.value}, text);
  }));
}

/** A table with a caption, a header row and one row per entry; cells may be nodes or text. */
export function table(caption, headers, rows, attributes = {}) {
  return h('table', attributes,
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((name) => h('th', {scope: 'col'}, name)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
}

/** Definition list of [term, description] pairs, descriptions skipped when absent. */
export function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.filter(([, value]) => value !== undefined && value !== null)
    .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** An error box that screen readers announce: the server's error type and message, as it answered them. */
export function errorBox(error) {
  return h('div', {class: 'error', role: 'alert'}, describe(error));
}

/** An error's text: "Type: message" for the API's errors. */
export function describe(error) {
  return error.type ? `${error.type}: ${error.message}` : String(error.message ?? error);
}

/** Runs an action from a button, showing its error in {@code where} and keeping the button disabled meanwhile. */
export async function run(button, where, action) {
  button.disabled = true;
  where.replaceChildren();
  try {
    await action();
  } catch (error) {
    where.replaceChildren(errorBox(error));
  } finally {
    button.disabled = false;
  }
}

/** Shows the page at {@code hash}, drawing it again when it is the one shown. */
export function go(hash) {
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}
