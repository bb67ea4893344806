// The DynamoDB JSON API, called exactly as an SDK calls it: POST / with X-Amz-Target, signed with SigV4. The console
// has no other way into the server, so every action gets the API's validation, errors and access control.

import {credentials} from './session.js';
import {signedHeaders} from './sigv4.js';

/** An error the API answered: its type (the part of __type after '#') and message, word for word. */
export class ApiError extends Error {
  constructor(type, message, status) {
    super(message);
    this.type = type;
    this.status = status;
  }

  /** Whether it says the request's credentials or signature were refused. */
  get isAuthentication() {
    return ['UnrecognizedClientException', 'InvalidSignatureException', 'MissingAuthenticationTokenException',
      'IncompleteSignatureException'].includes(this.type);
  }
}

/**
 * Without users the server verifies no signature but still wants one, as DynamoDB Local does: any key serves.
 */
const ANONYMOUS = {accessKeyId: 'console', secretAccessKey: 'console'};

let settings = {region: 'us-east-1', authenticating: false};
const listeners = [];

/** What the server told the console about itself (settings.json). */
export async function loadSettings() {
  const response = await fetch('settings.json', {cache: 'no-store'});
  settings = await response.json();
  return settings;
}

export function currentSettings() {
  return settings;
}

/** Calls {@code listener(error)} whenever a call is refused for its credentials. */
export function onAuthenticationError(listener) {
  listeners.push(listener);
}

/** Calls DynamoDB's {@code operation} with {@code input}; answers its output or throws an ApiError. */
export function call(operation, input = {}) {
  return send(`DynamoDB_20120810.${operation}`, input);
}

/** Calls a DynamoDB Streams operation (the same endpoint, the streams API's target prefix). */
export function callStreams(operation, input = {}) {
  return send(`DynamoDBStreams_20120810.${operation}`, input);
}

/**
 * Lists tables with {@code signing}, the credentials a user is signing in with: answers nothing, or throws the
 * server's error for them, without telling the listeners (the sign-in page shows it).
 */
export async function verify(signing) {
  await request('DynamoDB_20120810.ListTables', {Limit: 1}, signing);
}

async function send(target, input) {
  const signing = settings.authenticating ? credentials() : credentials() ?? ANONYMOUS;
  if (!signing) {
    const error = new ApiError('MissingAuthenticationTokenException', 'Sign in with an access key first.', 400);
    listeners.forEach((listener) => listener(error));
    throw error;
  }
  try {
    return await request(target, input, signing);
  } catch (error) {
    if (error instanceof ApiError && error.isAuthentication) {
      listeners.forEach((listener) => listener(error));
    }
    throw error;
  }
}

async function request(target, input, signing) {
  const body = JSON.stringify(input);
  const headers = await signedHeaders(signing, settings.region, location.host, target, body);
  const response = await fetch('/', {method: 'POST', headers, body, cache: 'no-store'});
  const text = await response.text();
  const output = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const type = String(output.__type ?? 'UnknownError').replace(/^.*#/, '');
    throw new ApiError(type, output.message ?? output.Message ?? `HTTP ${response.status}`, response.status);
  }
  return output;
}
