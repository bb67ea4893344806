// DynamoDB JSON: checking an item's types before it is sent (the server checks again and has the last word), and
// showing values compactly.

const TYPES = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL'];
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The problems of one attribute value at {@code path}, each "path: what is wrong". */
export function valueProblems(value, path) {
  if (!isObject(value)) {
    return [`${path}: an attribute value is an object such as {"S": "text"}`];
  }
  const keys = Object.keys(value);
  if (keys.length !== 1 || !TYPES.includes(keys[0])) {
    return [`${path}: needs exactly one type of ${TYPES.join(', ')}; has ${keys.join(', ') || 'none'}`];
  }
  const [type] = keys;
  const inner = value[type];
  const at = `${path}.${type}`;
  const setProblems = (check, what) => {
    if (!Array.isArray(inner) || inner.length === 0) {
      return [`${at}: a set is a non-empty array`];
    }
    const problems = inner.flatMap((member, i) => check(member) ? [] : [`${at}[${i}]: not ${what}`]);
    if (new Set(inner).size !== inner.length) {
      problems.push(`${at}: a set holds no duplicates`);
    }
    return problems;
  };
  switch (type) {
    case 'S':
      return typeof inner === 'string' ? [] : [`${at}: a string`];
    case 'N':
      return typeof inner === 'string' && NUMBER.test(inner) ? [] : [`${at}: a number written as a string`];
    case 'B':
      return typeof inner === 'string' && BASE64.test(inner) ? [] : [`${at}: base64 text`];
    case 'SS':
      return setProblems((member) => typeof member === 'string', 'a string');
    case 'NS':
      return setProblems((member) => typeof member === 'string' && NUMBER.test(member), 'a number as a string');
    case 'BS':
      return setProblems((member) => typeof member === 'string' && BASE64.test(member), 'base64 text');
    case 'M':
      return isObject(inner) ? Object.entries(inner).flatMap(([name, member]) => valueProblems(member, `${at}.${name}`))
        : [`${at}: an object of attribute values`];
    case 'L':
      return Array.isArray(inner) ? inner.flatMap((member, i) => valueProblems(member, `${at}[${i}]`))
        : [`${at}: an array of attribute values`];
    case 'NULL':
      return inner === true ? [] : [`${at}: true`];
    case 'BOOL':
      return typeof inner === 'boolean' ? [] : [`${at}: true or false`];
    default:
      return [`${at}: unknown type`];
  }
}

/**
 * Parses an item written in DynamoDB JSON: answers {item} or {problems}, including the key attributes it lacks or
 * has with the wrong type.
 */
export function parseItem(text, keyAttributes = []) {
  let item;
  try {
    item = JSON.parse(text);
  } catch (error) {
    return {problems: [`not JSON: ${error.message}`]};
  }
  if (!isObject(item)) {
    return {problems: ['an item is an object of attribute names to values']};
  }
  const problems = Object.entries(item).flatMap(([name, value]) => valueProblems(value, name));
  for (const {name, type} of keyAttributes) {
    if (!(name in item)) {
      problems.push(`${name}: the key attribute is missing`);
    } else if (isObject(item[name]) && !(type in item[name])) {
      problems.push(`${name}: a key attribute of type ${type}`);
    }
  }
  return problems.length ? {problems} : {item};
}

/** A value as short text: strings as they are, numbers as written, the rest as compact JSON. */
export function show(value) {
  if (!isObject(value)) {
    return '';
  }
  const [type] = Object.keys(value);
  const inner = value[type];
  switch (type) {
    case 'S':
    case 'N':
      return inner;
    case 'BOOL':
      return String(inner);
    case 'NULL':
      return 'null';
    default:
      return JSON.stringify(value);
  }
}

/** The item's primary key, by the table's key schema. */
export function keyOf(item, keySchema) {
  return Object.fromEntries(keySchema.map(({AttributeName}) => [AttributeName, item[AttributeName]]));
}

/** The key attributes of a key schema with their types, from the attribute definitions. */
export function keyAttributes(keySchema, definitions) {
  return keySchema.map(({AttributeName, KeyType}) => ({
    name: AttributeName,
    role: KeyType,
    type: definitions.find((definition) => definition.AttributeName === AttributeName)?.AttributeType ?? 'S',
  }));
}
