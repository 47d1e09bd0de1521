/** deepMerge: objects merge by key, arrays and scalars replace, inputs stay untouched. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneData, deepMerge, isPlainObject } from '../../src/scenario/merge.js';

describe('deepMerge', () => {
  it('merges nested objects key by key', () => {
    const base = { a: 1, b: { c: 2, d: 3 }, e: { f: { g: 4 } } };
    expect(deepMerge(base, { b: { d: 30 }, e: { f: { h: 5 } } })).toEqual({ a: 1, b: { c: 2, d: 30 }, e: { f: { g: 4, h: 5 } } });
  });

  it('merges records by key, keeping base order and appending new keys', () => {
    const base = { segments: { price: { share: 0.5, x: 1 }, value: { share: 0.5, x: 2 } } };
    const out = deepMerge(base, { segments: { vip: { share: 0.1 }, price: { share: 0.4 } } });
    expect(out).toEqual({ segments: { price: { share: 0.4, x: 1 }, value: { share: 0.5, x: 2 }, vip: { share: 0.1 } } });
    expect(Object.keys(out.segments)).toEqual(['price', 'value', 'vip']);
  });

  it('replaces arrays and scalars, and an object by a scalar or the reverse', () => {
    expect(deepMerge({ xs: [1, 2, 3], n: 1, o: { a: 1 }, s: 'a' }, { xs: [9], n: 2, o: 5, s: { b: 1 } })).toEqual({ xs: [9], n: 2, o: 5, s: { b: 1 } });
  });

  it('keeps base values for undefined overrides, but null replaces', () => {
    expect(deepMerge({ a: 1, b: 2 }, { a: undefined, b: null })).toEqual({ a: 1, b: null });
    expect(deepMerge({ a: 1 }, undefined)).toEqual({ a: 1 });
  });

  it('does not mutate or share its inputs', () => {
    const base = { a: { b: [1, { c: 2 }] }, d: { e: 1 } };
    const over = { d: { f: { g: 1 } } };
    const snapshot = [structuredClone(base), structuredClone(over)];
    const out = deepMerge(base, over) as Record<string, any>;
    out.a.b[1].c = 99;
    out.d.f.g = 99;
    expect([base, over]).toEqual(snapshot);
  });

  it('treats a `__proto__` key as data', () => {
    const over = JSON.parse('{"__proto__": {"polluted": true}}');
    const out = deepMerge({ a: 1 }, over) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['a', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('merging with an empty override is a deep copy; merging with itself is the identity', () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (obj) => {
        expect(deepMerge(obj, {})).toEqual(obj);
        expect(deepMerge(obj, obj)).toEqual(obj);
        expect(cloneData(obj)).toEqual(obj);
      }),
    );
  });

  it('every override leaf wins and every other base leaf survives', () => {
    const leafy = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.integer(), fc.dictionary(fc.constantFrom('x', 'y'), fc.integer())));
    fc.assert(
      fc.property(leafy, leafy, (base, over) => {
        const out = deepMerge(base, over) as Record<string, unknown>;
        for (const [k, v] of Object.entries(over)) {
          if (isPlainObject(v) && isPlainObject(base[k])) expect(out[k]).toEqual({ ...base[k], ...v });
          else expect(out[k]).toEqual(v);
        }
        for (const k of Object.keys(base)) if (!(k in over)) expect(out[k]).toEqual(base[k]);
      }),
    );
  });
});

describe('isPlainObject', () => {
  it('accepts object literals and null-prototype objects only', () => {
    expect([{}, Object.create(null), [], null, new Date(), new Map(), 1, 'x'].map(isPlainObject)).toEqual([true, true, false, false, false, false, false, false]);
  });
});
