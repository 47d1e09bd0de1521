/** `cxsim verdicts`: the command end to end, in-process (the logic is tested in test/experiments/verdicts.test.ts). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, show } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-verdicts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const scenario = join(tmp, 'small.yaml');
writeFileSync(scenario, `name: Small
seed: 5
days: 120
replications: 3
market: { size: 2000, initialCustomers: 400 }
service: { model: simple }
strategies:
  marketing:
    label: Marketing push
    acquisition: { spendPerDay: 400 }
`);

describe('cxsim verdicts', () => {
  it('prints a verdict per strategy and metric and writes verdicts.csv with a manifest', async () => {
    const out = join(tmp, 'out');
    const r = await cli('verdicts', scenario, '--param', 'economics.marginPerCustomerPerYear=50:3000', '--points', '4', '--metric', 'finalCustomers', '--metric', 'cumulativeProfit', '--out', out);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('Marketing push: Final active customers — robust +');
    expect(r.stdout).toMatch(/Marketing push: Cumulative profit — depends on economics\.marginPerCustomerPerYear/);
    const csv = readFileSync(join(out, 'verdicts.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('strategy,metric,verdict,sign,hinge,differenceAsWritten,lo95AsWritten,hi95AsWritten,lowestDifference,highestDifference,distinguishableShare');
    expect(csv).toHaveLength(3);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.verdicts).toEqual({ parameters: [{ path: 'economics.marginPerCustomerPerYear', min: 50, max: 3000 }], points: 4, metrics: ['finalCustomers', 'cumulativeProfit'] });
  });

  it('without strategies to judge, says so', async () => {
    const lone = join(tmp, 'lone.yaml');
    writeFileSync(lone, 'name: Lone\ndays: 10\n');
    const r = await cli('verdicts', lone, '--out', join(tmp, 'lone'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no strategy besides the baseline');
  });
});
