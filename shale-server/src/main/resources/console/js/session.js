// The access key the user signed in with. Kept in sessionStorage only: it goes when the tab closes, is never sent
// anywhere but as a signature, and no other tab or later visit can read it.

const KEY = 'shaledb.console.credentials';

/** The credentials signed in with in this tab, or null. */
export function credentials() {
  const stored = sessionStorage.getItem(KEY);
  return stored ? JSON.parse(stored) : null;
}

export function signIn(accessKeyId, secretAccessKey) {
  sessionStorage.setItem(KEY, JSON.stringify({accessKeyId, secretAccessKey}));
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}
