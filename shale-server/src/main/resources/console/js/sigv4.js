// AWS Signature Version 4 for the DynamoDB JSON API, computed with WebCrypto, as the SDKs sign: the content type,
// host, date and target headers, the body's SHA-256, scope date/region/dynamodb/aws4_request.

const encoder = new TextEncoder();

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(text) {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function hmac(key, text) {
  const imported = await crypto.subtle.importKey('raw', key, {name: 'HMAC', hash: 'SHA-256'}, false, ['sign']);
  return crypto.subtle.sign('HMAC', imported, encoder.encode(text));
}

/** Whether this page may sign: browsers offer WebCrypto only to secure contexts (HTTPS, or a loopback address). */
export function canSign() {
  return Boolean(globalThis.crypto?.subtle);
}

/** The headers of a signed POST of {@code body} to {@code /} at {@code host}. */
export async function signedHeaders({accessKeyId, secretAccessKey}, region, host, target, body, now = new Date()) {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers = {
    'content-type': 'application/x-amz-json-1.0',
    'host': host,
    'x-amz-date': amzDate,
    'x-amz-target': target,
  };
  const names = Object.keys(headers).sort();
  const canonical = ['POST', '/', '', names.map((name) => `${name}:${headers[name]}\n`).join(''), names.join(';'),
    await sha256Hex(body)].join('\n');
  const scope = `${day}/${region}/dynamodb/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256Hex(canonical)].join('\n');
  let key = await hmac(encoder.encode(`AWS4${secretAccessKey}`), day);
  for (const part of [region, 'dynamodb', 'aws4_request']) {
    key = await hmac(key, part);
  }
  const signature = hex(await hmac(key, stringToSign));
  return {
    'Content-Type': headers['content-type'],
    'X-Amz-Date': amzDate,
    'X-Amz-Target': target,
    'Authorization': `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${names.join(';')},`
      + ` Signature=${signature}`,
  };
}
