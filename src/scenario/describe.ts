/** Reads the zod schema itself (not the zod messages) to say in plain words what a setting accepts. */
import { z } from 'zod';
import { distance } from 'fastest-levenshtein';

type Schema = z.core.$ZodType;
// The few `_zod.def` fields we read; zod 4 keeps every schema's definition there.
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  valueType?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
}
const def = (s: Schema): Def => s._zod.def as unknown as Def;

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** Strips default/prefault/optional-like wrappers (and a pipe's input side) down to the schema that checks the value. */
export function unwrap(s: Schema): Schema {
  for (;;) {
    const d = def(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

/** The schema that checks the value at `path` under `root` (records: their value schema), or undefined if the path leaves the schema. */
export function schemaAt(root: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let s: Schema | undefined = root;
  for (const seg of path) {
    if (!s) return undefined;
    s = step(s, seg);
  }
  return s;
}

/** The schema one path segment below `s`; a union steps into the first alternative that has the segment. */
function step(s: Schema, seg: PropertyKey): Schema | undefined {
  const d = def(unwrap(s));
  if (d.type === 'object') {
    const own = d.shape && Object.hasOwn(d.shape, String(seg)) ? d.shape[String(seg)] : undefined;
    return own ?? (d.catchall && def(d.catchall).type !== 'never' ? d.catchall : undefined);
  }
  if (d.type === 'record') return d.valueType;
  if (d.type === 'array') return typeof seg === 'number' || /^\d+$/.test(String(seg)) ? d.element : undefined;
  if (d.type === 'union') {
    for (const o of d.options ?? []) {
      const next = step(o, seg);
      if (next) return next;
    }
  }
  return undefined;
}

/** The keys an object schema at `path` accepts (empty when it is not an object). */
export function allowedKeys(root: Schema, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(root, path);
  const d = s && def(unwrap(s));
  return d?.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

/** The literal values an enum, literal or union of them accepts. */
export function allowedValues(s: Schema | undefined): unknown[] {
  if (!s) return [];
  const d = def(unwrap(s));
  if (d.type === 'enum' && d.entries) return Object.values(d.entries);
  if (d.type === 'literal' && d.values) return d.values;
  if (d.type === 'union' && d.options) return d.options.flatMap(allowedValues);
  return [];
}

const MAX = Number.MAX_SAFE_INTEGER;
const fmt = (x: number) => String(x);

/** What a schema accepts, in words: "a number between 0 and 1", "a whole number ≥ 1", "one of a, b or c". */
export function describeExpected(s: Schema | undefined): string {
  if (!s) return 'a valid value';
  const inner = unwrap(s);
  if (inner instanceof z.ZodNumber) {
    const kind = inner.isInt ? 'a whole number' : 'a number';
    const lo = inner.minValue !== null && Number.isFinite(inner.minValue) && inner.minValue > -MAX ? inner.minValue : undefined;
    const hi = inner.maxValue !== null && Number.isFinite(inner.maxValue) && inner.maxValue < MAX ? inner.maxValue : undefined;
    if (lo !== undefined && hi !== undefined) return `${kind} between ${fmt(lo)} and ${fmt(hi)}`;
    if (lo !== undefined) return `${kind} ≥ ${fmt(lo)}`;
    if (hi !== undefined) return `${kind} ≤ ${fmt(hi)}`;
    return kind;
  }
  if (inner instanceof z.ZodString) {
    const text = (inner.minLength ?? 0) > 0 ? 'a non-empty text' : 'a text';
    return inner.maxLength !== null && inner.maxLength !== undefined ? `${text} of at most ${inner.maxLength.toLocaleString('en-US')} characters` : text;
  }
  const d = def(inner);
  switch (d.type) {
    case 'boolean': return 'true or false';
    case 'enum': return `one of ${orList(allowedValues(inner).map(String))}`;
    case 'literal': return orList((d.values ?? []).map((v) => JSON.stringify(v)));
    case 'union': return orList((d.options ?? []).map(describeExpected));
    case 'object': return 'a section of `key: value` settings';
    case 'record': return 'a section of named entries (`name: settings`)';
    case 'array': return 'a list';
    default: return 'a valid value';
  }
}

const orList = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** How a found value reads in a message: strings quoted, empty values named, sections and lists summarised. */
export function showValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (typeof v === 'string') return v.length > 60 ? `${JSON.stringify(`${v.slice(0, 57)}...`)} (${v.length.toLocaleString('en-US')} characters)` : JSON.stringify(v);
  if (Array.isArray(v)) return `a list (${v.length} item${v.length === 1 ? '' : 's'})`;
  // What YAML tags and code can put in the data (the loader refuses such tags; a library caller may not).
  if (v instanceof Date) return `a date (${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString().slice(0, 10)})`;
  if (v instanceof Uint8Array) return `binary data (${v.length} bytes)`;
  if (v instanceof Map) return `an ordered map (${v.size} entr${v.size === 1 ? 'y' : 'ies'})`;
  if (v instanceof Set) return `a set (${v.size} item${v.size === 1 ? '' : 's'})`;
  if (typeof v === 'object') return 'a section (`key: value` settings)';
  return String(v);
}

/** The candidate closest to `word`, if it is close enough to be a likely typo (case ignored). */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  if (bestD <= limit && bestD < w.length) return best;
  // Two neighbouring letters swapped (`sede` for `seed`) is one slip, though Levenshtein counts two.
  return candidates.find((c) => swapsOne(w, c.toLowerCase()));
}

/**
 * Up to three likely meanings of `word`: a typo of one candidate, else the candidates whose name or
 * description contains it (`nps` → finalNps, npsStandardError; `profit` → cumulativeProfit).
 */
export function suggestAmong(word: string, candidates: readonly { key: string; label?: string }[]): string[] {
  const typo = suggest(word, candidates.map((c) => c.key));
  if (typo) return [typo];
  const w = word.toLowerCase().trim();
  if (w.length < 2) return [];
  return candidates.filter((c) => c.key.toLowerCase().includes(w) || (c.label ?? '').toLowerCase().includes(w)).slice(0, 3).map((c) => c.key);
}

/** "; did you mean `a`?" or "; did you mean `a`, `b` or `c`?", or nothing. */
export function didYouMean(options: readonly string[]): string {
  if (options.length === 0) return '';
  const quoted = options.map((o) => `\`${o}\``);
  return `; did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`}?`;
}

/** Whether b is a with two adjacent characters swapped. */
function swapsOne(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const i = [...a].findIndex((ch, k) => ch !== b[k]);
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** A number the user probably meant when writing it as text, e.g. "10_000" → 10000, "5%" → 0.05. */
export function numberFromText(text: string): number | undefined {
  let t = text.trim().replace(/[_\s]/g, '');
  // "10,000" groups thousands; "0,5" is a decimal comma.
  t = /^-?\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(t) ? t.replace(/,/g, '') : t.replace(/^(-?\d+),(\d+%?)$/, '$1.$2');
  const pct = /^(-?\d+(?:\.\d+)?)%$/.exec(t);
  const n = pct ? Number(pct[1]) / 100 : t === '' ? NaN : Number(t);
  return Number.isFinite(n) ? n : undefined;
}
