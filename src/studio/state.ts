/**
 * The studio's state in the page address (after #), so a link reopens the same what-if: the
 * scenario (a served one by key, or a dropped file's text, deflated), the strategy the levers
 * start from, the lever values, days and replications. Text in, text out; compression is the
 * caller's (the browser's CompressionStream).
 */

export interface StudioState {
  /** Key of a served scenario (scenarios.json), when not a dropped file. */
  scenario?: string;
  /** A dropped file: its name and text (compressed into the address by the app). */
  file?: string;
  text?: string;
  from?: string;
  values: Record<string, unknown>;
  days?: number;
  replications?: number;
}

/** The hash part (without #) for a state; `packedText` is the deflated, base64url text of a dropped file. */
export function encodeState(s: StudioState, packedText?: string): string {
  const p = new URLSearchParams();
  if (s.scenario) p.set('scenario', s.scenario);
  if (s.file) p.set('file', s.file);
  if (packedText) p.set('text', packedText);
  if (s.from) p.set('from', s.from);
  for (const [path, v] of Object.entries(s.values)) p.append('set', `${path}=${JSON.stringify(v)}`);
  if (s.days !== undefined) p.set('days', String(s.days));
  if (s.replications !== undefined) p.set('replications', String(s.replications));
  return p.toString();
}

/** The state in a hash (with or without #), and the packed text of a dropped file if any. Unreadable entries are skipped. */
export function decodeState(hash: string): { state: StudioState; packedText?: string } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const values: Record<string, unknown> = {};
  for (const entry of p.getAll('set')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    try {
      values[entry.slice(0, eq)] = JSON.parse(entry.slice(eq + 1));
    } catch {
      // a hand-edited link: ignore the entry rather than fail
    }
  }
  const int = (k: string) => {
    const v = Number(p.get(k));
    return p.has(k) && Number.isSafeInteger(v) && v >= 1 ? v : undefined;
  };
  return {
    state: { scenario: p.get('scenario') ?? undefined, file: p.get('file') ?? undefined, from: p.get('from') ?? undefined, values, days: int('days'), replications: int('replications') },
    packedText: p.get('text') ?? undefined,
  };
}

/** Bytes ↔ base64url (no padding), for compressed text in an address. */
export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}
