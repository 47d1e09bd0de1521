/**
 * Results that must not be wrong: reproduce compares with the files on disk and simulates (a
 * poisoned store cannot pass), stored runs carry checksums and the model's hash, the store
 * outlives a crash while outputs are written, one cxsim per output folder, and no write leaves
 * the folder or goes through a symbolic link. The CLI runs in-process (test/cli/helpers.ts).
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLine, openRunStore, sealLine, STORE_FILE } from '../../src/experiments/resume.js';
import { scenarioJobs } from '../../src/experiments/jobs.js';
import { writeAtomic } from '../../src/files/folder.js';
import { LOCK_FILE, lockFolder } from '../../src/files/lock.js';
import { defaultOutDir } from '../../src/cli/execute.js';
import { TINY_YAML, tinyScenario } from '../experiments/helpers.js';
import { cli, differingFiles, listFiles, show, STACK_FRAME, type CliResult } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-results-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SCENARIO = join(tmp, 'tiny.yaml');
writeFileSync(SCENARIO, TINY_YAML);
const out = (name: string) => join(tmp, name);
const SWEEP = ['sweep', SCENARIO, '-p', 'journey.processQuality=0.97,0.99', '-q'];
const storeLines = (dir: string) => readFileSync(join(dir, STORE_FILE), 'utf8').trimEnd().split('\n');

let compare: CliResult;
beforeAll(async () => {
  compare = await cli('compare', SCENARIO, '-q', '-o', out('compare'));
});

describe('reproduce', () => {
  it('notices a file changed by one byte after it was written, though the manifest still lists its old hash', async () => {
    expect(compare.code, show(compare)).toBe(0);
    const summary = join(out('compare'), 'summary.csv');
    const text = readFileSync(summary, 'utf8');
    writeFileSync(summary, text.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10)));
    const r = await cli('reproduce', join(out('compare'), 'manifest.json'), '-o', out('compare-again'));
    writeFileSync(summary, text);
    expect(r.code, show(r)).toBe(1);
    expect(r.stderr).toMatch(/^✗ 1 of \d+ files differ from .*manifest\.json:\n {2}summary\.csv: changed since it was written \(the file in .*compare\/ no longer matches the manifest's SHA-256; the re-run does\)\n$/);
    const clean = await cli('reproduce', join(out('compare'), 'manifest.json'), '-o', out('compare-again'));
    expect(clean.code, show(clean)).toBe(0);
    expect(clean.stdout).toMatch(/identical to the files in .*compare\/ and to the SHA-256 the manifest recorded for each/);
  });

  it('of a sweep simulates again: a poisoned store in the re-run folder (valid checksums and all) changes nothing', async () => {
    const sweep = await cli(...SWEEP, '-o', out('sweep'));
    expect(sweep.code, show(sweep)).toBe(0);
    const first = await cli('reproduce', join(out('sweep'), 'manifest.json'), '-o', out('sweep-re'));
    expect(first.code, show(first)).toBe(0);
    // Rewrite every stored run with a different NPS, sealed as the store would seal it.
    const [header, ...runs] = storeLines(out('sweep-re'));
    const poisoned = runs.map((line) => {
      const record = openLine<{ result: { series: Record<string, unknown[]> } }>(line)!;
      record.result.series.nps = record.result.series.nps.map(() => 99);
      return sealLine(record);
    });
    writeFileSync(join(out('sweep-re'), STORE_FILE), [header, ...poisoned].join('\n') + '\n');
    const second = await cli('reproduce', join(out('sweep'), 'manifest.json'), '-o', out('sweep-re'));
    expect(second.code, show(second)).toBe(0);
    expect(differingFiles(out('sweep'), out('sweep-re')).filter((f) => f !== STORE_FILE)).toEqual([]);
  });

  it('refuses to write its re-run over the folder it checks', async () => {
    const r = await cli('reproduce', join(out('compare'), 'manifest.json'), '-o', out('compare'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is the folder of the manifest: the re-run goes elsewhere/);
  });
});

describe('the store of finished runs', () => {
  it('reports edited lines (their checksum fails), simulates those runs again and repairs the store', async () => {
    const dir = out('edited');
    expect((await cli(...SWEEP, '-o', dir)).code).toBe(0);
    const lines = storeLines(dir);
    // An edit that keeps the line valid JSON: only the checksum can catch it.
    lines[2] = lines[2].replace(/"nps":\[(-?[\d.e-]+)/, '"nps":[12345');
    expect(lines[2]).toContain('12345');
    writeFileSync(join(dir, STORE_FILE), lines.join('\n') + '\n');
    const again = await cli(...SWEEP.filter((a) => a !== '-q'), '-o', dir);
    expect(again.code, show(again)).toBe(0);
    expect(again.stderr).toContain(`cxsim: warning: ${join(dir, STORE_FILE)}: 1 saved run failed its checksum (edited or damaged) and will be simulated again`);
    expect(again.stderr).toContain('resuming from');
    expect(again.stderr).toContain('(3 of 4 runs already finished)');
    expect(storeLines(dir).every((l, i) => i === 0 || openLine(l) !== undefined)).toBe(true);
    expect(differingFiles(out('sweep'), dir).filter((f) => f !== STORE_FILE)).toEqual([]);
  });

  it('is keyed by the model code: a store written by other model code is refused, whatever the cxsim version', () => {
    const dir = out('model-key');
    const jobs = scenarioJobs(tinyScenario());
    openRunStore(dir, jobs, { scenarioHash: 'h', modelHash: 'a'.repeat(64) }).close();
    expect(JSON.parse(storeLines(dir)[0])).toMatchObject({ cxsimRuns: 2, modelHash: 'a'.repeat(64) });
    expect(() => openRunStore(dir, jobs, { scenarioHash: 'h', modelHash: 'b'.repeat(64) })).toThrow(/written by other model code \(model hash aaaaaaaaaaaa…; this model's hash is bbbbbbbbbbbb…\)/);
    // The first format named the package version only: its runs are never reused.
    writeFileSync(join(dir, STORE_FILE), JSON.stringify({ cxsimRuns: 1, cxsimVersion: '0.1.0', experiment: 'x', scenarioHash: 'h', jobs: 1 }) + '\n');
    expect(() => openRunStore(dir, jobs, { scenarioHash: 'h' })).toThrow(/written by other model code \(cxsim 0\.1\.0/);
  });

  it('survives a crash while the outputs are written: the rerun reads every run back and writes the same files', async () => {
    const dir = out('crash');
    // A folder where a chart file goes makes the writing fail half-way, after the runs.
    mkdirSync(join(dir, 'charts', 'nps.svg'), { recursive: true });
    const crashed = await cli('compare', SCENARIO, '-q', '-o', dir);
    expect(crashed.code, show(crashed)).toBe(1);
    expect(crashed.stderr).not.toMatch(STACK_FRAME);
    expect(storeLines(dir)).toHaveLength(1 + 3 * 2); // every run saved
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).files).toEqual([]); // the draft
    rmSync(join(dir, 'charts', 'nps.svg'), { recursive: true });
    const rerun = await cli('compare', SCENARIO, '-o', dir);
    expect(rerun.code, show(rerun)).toBe(0);
    expect(rerun.stderr).toContain('(6 of 6 runs already finished)');
    expect(differingFiles(out('compare'), dir)).toEqual([]);
    expect(existsSync(join(dir, STORE_FILE))).toBe(false); // deleted once the outputs are written
  });
});

describe('one cxsim per output folder', () => {
  it('a second run into a folder in use refuses with a clear message, and writes nothing there', async () => {
    const dir = out('locked');
    const lock = lockFolder(dir, 'cxsim sweep other.yaml');
    try {
      const r = await cli('compare', SCENARIO, '-q', '-o', dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`cxsim: another cxsim (process ${process.pid}: cxsim sweep other.yaml) is writing to ${dir}; wait for it to finish, or choose another --out folder (if no cxsim is running there, delete ${join(dir, LOCK_FILE)})\n`);
      expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    } finally {
      lock.release();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('two runs started together into one folder: one writes, the other refuses', async () => {
    const dir = out('race');
    const [a, b] = await Promise.all([cli('compare', SCENARIO, '-q', '-o', dir), cli('compare', SCENARIO, '-q', '-o', dir)]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    expect((a.code === 1 ? a : b).stderr).toMatch(/^cxsim: another cxsim \(process \d+: cxsim compare .*\) is writing to /);
    expect(differingFiles(out('compare'), dir)).toEqual([]);
  });

  it('a lock left by a process that is gone (kill -9) is taken over', async () => {
    const dir = out('stale');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), command: 'cxsim compare', token: 'x' }));
    const r = await cli('compare', SCENARIO, '-q', '-o', dir);
    expect(r.code, show(r)).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

describe('writes stay in the output folder and never go through a link', () => {
  it('a scenario file named `...yaml` writes under output/, not into the folder above', () => {
    expect(defaultOutDir('scenarios/...yaml', 'compare')).toBe(join('output', '_..', 'compare'));
    expect(defaultOutDir('../x/..yaml', '..')).toBe(join('output', '_.', '_..'));
    expect(defaultOutDir('a b/ü→x.yaml', 'run')).toBe(join('output', 'ü_x', 'run'));
    expect(defaultOutDir(`${'n'.repeat(1000)}.yaml`, 's').split('/')[1]).toHaveLength(100);
  });

  it('refuses a linked sub-folder, and replaces a linked file instead of writing through it', async () => {
    const dir = out('links');
    const elsewhere = out('elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(elsewhere, 'precious.txt'), 'keep me\n');
    symlinkSync(elsewhere, join(dir, 'charts'));
    const refused = await cli('compare', SCENARIO, '-q', '-o', dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`cxsim: ${join(dir, 'charts')} is a symbolic link: cxsim does not write through links; remove it or choose another --out folder\n`);
    expect(readdirSync(elsewhere)).toEqual(['precious.txt']);
    expect(readdirSync(dir)).toEqual(['charts']); // refused before any run: nothing written
    rmSync(join(dir, 'charts'));
    symlinkSync(join(elsewhere, 'precious.txt'), join(dir, 'summary.csv'));
    symlinkSync(join(elsewhere, 'precious.txt'), join(dir, STORE_FILE));
    const r = await cli('compare', SCENARIO, '-q', '-o', dir);
    // The store is a link: refused before any run.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, STORE_FILE)} is a symbolic link`);
    rmSync(join(dir, STORE_FILE));
    const ok = await cli('compare', SCENARIO, '-q', '-o', dir);
    expect(ok.code, show(ok)).toBe(0);
    expect(lstatSync(join(dir, 'summary.csv')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(elsewhere, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(differingFiles(out('compare'), dir)).toEqual([]);
  });

  it('writes a file aside and renames it into place: a failed write leaves the old file whole and no temporary behind', () => {
    const dir = out('atomic');
    mkdirSync(dir, { recursive: true });
    const target = join(dir, 'x.csv');
    writeAtomic(target, 'old\n');
    expect(() => writeAtomic(target, { length: 1 } as unknown as string)).toThrow();
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    expect(listFiles(dir)).toEqual(['x.csv']);
  });
});
