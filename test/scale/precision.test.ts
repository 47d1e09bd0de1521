/**
 * --precision through the CLI: replications are added until every strategy's paired difference on
 * the metric is narrow enough, the manifest says how many it took, and the outputs equal those of
 * the same compare asked for that many replications.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, differingFiles, show } from '../cli/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-precision-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SCENARIO = join(tmp, 'p.yaml');
writeFileSync(SCENARIO, ['name: Precision test', 'seed: 21', 'days: 40', 'replications: 3', 'market: { size: 600, initialCustomers: 150 }', 'strategies:', '  push: { acquisition: { spendPerDay: 900 } }', ''].join('\n'));
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const csvCells = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8').trim().split('\n').map((l) => l.split(','));
/** Half-width of push − baseline's 95 % interval on finalCustomers in a folder's paired.csv. */
function halfWidth(dir: string): number {
  const [head, ...rows] = csvCells(dir, 'paired.csv');
  const row = rows.find((c) => c[0] === 'push' && c[2] === 'finalCustomers')!;
  return (Number(row[head.indexOf('hi95')]) - Number(row[head.indexOf('lo95')])) / 2;
}

describe('--precision', () => {
  it('stops once the interval is narrow enough; the outputs equal a compare with that many replications', async () => {
    // The target: 60 % of the half-width 10 replications give (about 2.8 times the replications).
    const start = join(tmp, 'start');
    expect((await cli('compare', SCENARIO, '-r', '10', '--out', start, '--quiet')).code).toBe(0);
    const target = Number((halfWidth(start) * 0.6).toPrecision(3));
    const dir = join(tmp, 'precise');
    const r = await cli('compare', SCENARIO, '--precision', `finalCustomers=${target}`, '--max-replications', '150', '--out', dir);
    expect(r.code, show(r)).toBe(0);
    const m = manifest(dir);
    expect(m.precision).toMatchObject({ targets: [{ metric: 'finalCustomers', halfWidth: target }], maxReplications: 150, met: true });
    const n = m.precision.replications;
    expect(m.replications).toBe(n);
    expect(n).toBeGreaterThan(3);
    // The paired interval on finalCustomers is now within the target, as the progress lines said.
    expect(halfWidth(dir)).toBeLessThanOrEqual(target);
    expect(r.stderr).toContain(`--precision: 3 replications, widest 95% intervals finalCustomers ±`);
    expect(r.stderr).toContain(`(push; wanted ±${target}): more replications`);
    expect(r.stderr).toMatch(new RegExp(`--precision: ${n} replications, .*: narrow enough`));
    // Same bytes as asking for n replications from the start (the manifest differs only by its record of --precision).
    const fixed = join(tmp, 'fixed');
    expect((await cli('compare', SCENARIO, '-r', String(n), '--out', fixed, '--quiet')).code).toBe(0);
    expect(differingFiles(dir, fixed)).toEqual(['manifest.json']);
    const { precision: _, ...rest } = m;
    expect({ ...rest, files: [] }).toEqual({ ...manifest(fixed), files: [] });
  });

  it('stops at the cap when the target is out of reach, and says so', async () => {
    const dir = join(tmp, 'capped');
    const r = await cli('compare', SCENARIO, '--precision', 'finalCustomers=0.001', '--max-replications', '5', '--out', dir);
    expect(r.code, show(r)).toBe(0);
    expect(manifest(dir).precision).toMatchObject({ replications: 5, met: false });
    expect(r.stderr).toContain('not narrow enough at the cap of 5 replications');
  });

  it('says what is wrong with the flag', async () => {
    expect((await cli('compare', SCENARIO, '--precision', 'finalNPS=1')).stderr).toMatch(/did you mean `finalNps`/);
    expect((await cli('compare', SCENARIO, '--precision', 'finalNps')).stderr).toMatch(/expected METRIC=HALFWIDTH/);
    expect((await cli('compare', SCENARIO, '--precision', 'finalNps=-1')).stderr).toMatch(/--precision: expected a number/);
    expect((await cli('compare', SCENARIO, '--precision', 'finalNps=1', '-r', '1')).stderr).toMatch(/at least 2/);
    expect((await cli('compare', SCENARIO, '--precision', 'finalNps=1', '--shard', '0/2')).stderr).toMatch(/cannot be split into --shard/);
  });
});
