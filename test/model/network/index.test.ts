/** Tests of buildNetwork: dispatch by spec, degenerate sizes rejected, and "same seed → same graph". */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { barabasiAlbert, buildNetwork, type NetworkSpec, validateCsr, wattsStrogatz } from '../../../src/model/network/index.js';

const same = (x: Int32Array, y: Int32Array) => // byte compare: toEqual on 200k-element typed arrays takes seconds
  Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength));
const ws = (meanDegree: number, rewiring = 0.1): NetworkSpec => ({ type: 'wattsStrogatz', meanDegree, rewiring });
const ba = (meanDegree: number): NetworkSpec => ({ type: 'barabasiAlbert', meanDegree, rewiring: 0.1 });

describe('buildNetwork', () => {
  it('returns null for fullyMixed without consuming randomness', () => {
    let draws = 0;
    expect(buildNetwork({ type: 'fullyMixed', meanDegree: 10, rewiring: 0.1 }, 1000, () => (draws++, 0.5))).toBeNull();
    expect(draws).toBe(0);
  });

  it('dispatches to the generators with the spec parameters', () => {
    expect(buildNetwork(ws(6, 0.3), 500, seedrandom.alea('d'))).toEqual(wattsStrogatz(500, 6, 0.3, seedrandom.alea('d')));
    expect(buildNetwork(ba(6), 500, seedrandom.alea('d'))).toEqual(barabasiAlbert(500, 6, seedrandom.alea('d')));
  });

  it('same seed → identical arrays; different seed → different graph (both generators)', () => {
    for (const spec of [ws(10), ws(10, 1), ba(10)]) {
      const a = buildNetwork(spec, 20_000, seedrandom.alea('same'))!;
      const b = buildNetwork(spec, 20_000, seedrandom.alea('same'))!;
      const c = buildNetwork(spec, 20_000, seedrandom.alea('other'))!;
      expect(same(b.offsets, a.offsets)).toBe(true);
      expect(same(b.neighbors, a.neighbors)).toBe(true);
      // ~10,000 rewired edges (or 20,000 attachments) would all have to coincide
      expect(same(c.neighbors, a.neighbors)).toBe(false);
    }
  });

  it('property: k ≥ n − 1 is rejected with a clear Error for both graph types', () => {
    const params = fc.integer({ min: 0, max: 40 }).chain((n) =>
      fc.record({ n: fc.constant(n), k: fc.integer({ min: Math.max(1, Math.ceil((n - 1) / 2)), max: 30 }).map((h) => 2 * h) }),
    );
    fc.assert(
      fc.property(params, fc.boolean(), ({ n, k }, useWs) => {
        expect(() => buildNetwork(useWs ? ws(k) : ba(k), n, seedrandom.alea('r'))).toThrow(/must be below n − 1/);
      }),
    );
    expect(() => buildNetwork(ws(10), 11, seedrandom.alea('r'))).toThrow('wattsStrogatz: mean degree k = 10 must be below n − 1 = 10 (need n ≥ k + 2 = 12)');
    expect(() => buildNetwork(ba(4), 5, seedrandom.alea('r'))).toThrow(/barabasiAlbert: mean degree k = 4 must be below n − 1/);
    validateCsr(buildNetwork(ws(10), 12, seedrandom.alea('r'))!); // smallest legal size
    validateCsr(buildNetwork(ba(10), 12, seedrandom.alea('r'))!);
  });
});
