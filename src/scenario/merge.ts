/** Deep merge used to lay a strategy's overrides over the baseline parameters. */

/** A plain `{ key: value }` object (not an array, Date, Map, class instance or null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Merges `override` over `base`: plain objects merge recursively by key (so records such as
 * market.segments gain or change entries key by key), while arrays and scalars in the override
 * replace the base value. Neither input is mutated; the result shares no objects with them.
 */
export function deepMerge<T>(base: T, override: unknown): T {
  return mergeValue(base, override) as T;
}

function mergeValue(base: unknown, override: unknown): unknown {
  if (override === undefined) return clone(base);
  if (!isPlainObject(base) || !isPlainObject(override)) return clone(override);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) setOwn(out, key, Object.hasOwn(override, key) ? mergeValue(base[key], override[key]) : clone(base[key]));
  for (const key of Object.keys(override)) if (!Object.hasOwn(base, key)) setOwn(out, key, clone(override[key]));
  return out;
}

/** A deep copy of plain data (objects and arrays; other values are shared). */
export function cloneData<T>(v: T): T {
  return clone(v) as T;
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) setOwn(out, key, clone(v[key]));
    return out;
  }
  return v;
}

// A YAML key `__proto__` must stay data: plain assignment would replace the prototype instead.
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
