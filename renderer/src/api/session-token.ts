/**
 * Browser mode's access token, as this tab keeps it. It arrives once in the address's fragment
 * (`/login#token=…`: a fragment never reaches a server), moves to sessionStorage, which belongs
 * to this tab and this origin (port included), and leaves the address bar. It is never put in a
 * cookie: cookies ignore ports, so every other server on 127.0.0.1 would receive it, and a
 * second Marginalia server would overwrite it.
 */

const STORAGE_KEY = 'marginalia.token';
const FRAGMENT_TOKEN = /^#(?:.*&)?token=([A-Za-z0-9._~-]+)(?:&|$)/;

export interface TokenPlace {
  location: Pick<Location, 'hash'>;
  history: Pick<History, 'replaceState'>;
  /** Null where the browser refuses storage: the token then lasts as long as the page. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

function browserPlace(): TokenPlace {
  let storage: Storage | null = null;
  try {
    storage = globalThis.sessionStorage;
  } catch {
    // Storage disabled by the browser's settings.
  }
  return { location: globalThis.location, history: globalThis.history, storage };
}

/** The token from the address (stored, and removed from the address), else the one this tab stored; null if none. */
export function takeSessionToken(place: TokenPlace = browserPlace()): string | null {
  const fromAddress = FRAGMENT_TOKEN.exec(place.location.hash)?.[1];
  if (fromAddress) {
    try {
      place.storage?.setItem(STORAGE_KEY, fromAddress);
    } catch {
      // Quota or privacy mode: keep it in memory only.
    }
    place.history.replaceState(null, '', '/');
    return fromAddress;
  }
  try {
    return place.storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
