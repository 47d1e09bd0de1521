/** Manifest: canonical JSON, scenario hash, no machine-specific fields, file hashes. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest, canonicalJson, hashFiles } from '../../src/outputs/manifest.js';

const input = {
  scenarioFile: { name: 'Test', days: 30, market: { size: 10, initialCustomers: 2 }, strategies: { recovery: { label: 'R' } } },
  command: ['compare', 'scenarios/test.yaml', '--seed', '7'],
  cxsimVersion: '0.1.0',
  seed: 7,
  replications: 3,
  days: 30,
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it('is independent of key order', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });
});

describe('buildManifest', () => {
  const m = buildManifest(input);
  it('holds the run description and the sha256 of the canonical scenario', () => {
    expect(m).toMatchObject({ cxsimManifest: 1, cxsimVersion: '0.1.0', seed: 7, days: 30, replications: 3, files: [] });
    expect(m.command).toEqual(input.command);
    expect(m.scenario).toBe(input.scenarioFile);
    expect(m.scenarioHash).toBe(createHash('sha256').update(canonicalJson(input.scenarioFile)).digest('hex'));
    expect(m.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
  });
  it('lists strategies, taking explicit names when given', () => {
    expect(m.strategies).toEqual(['baseline', 'recovery']);
    expect(buildManifest({ ...input, strategies: ['base', 'recovery'] }).strategies).toEqual(['base', 'recovery']);
    const withBaselineEntry = { ...input.scenarioFile, strategies: { baseline: { label: 'Today' }, recovery: {} } };
    expect(buildManifest({ ...input, scenarioFile: withBaselineEntry }).strategies).toEqual(['baseline', 'recovery']);
  });
  it('is the same for the same input and carries no timestamp', () => {
    const again = buildManifest({ ...input, scenarioFile: { strategies: { recovery: { label: 'R' } }, market: { initialCustomers: 2, size: 10 }, days: 30, name: 'Test' } });
    expect(again.scenarioHash).toBe(m.scenarioHash);
    expect(JSON.stringify(m)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});

describe('hashFiles', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));
  it('hashes each file in the order given', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cxsim-hash-'));
    await writeFile(join(dir, 'a.txt'), 'abc');
    await writeFile(join(dir, 'b.txt'), '');
    expect(await hashFiles(dir, ['b.txt', 'a.txt'])).toEqual([
      { path: 'b.txt', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      { path: 'a.txt', sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    ]);
  });
});
