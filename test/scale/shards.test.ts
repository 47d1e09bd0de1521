/**
 * Shards and merge through the CLI: an experiment split with --shard K/N over 3 folders and put
 * together by `cxsim merge` writes the same bytes as the unsharded command — every file,
 * manifest included — for compare, sweep, sensitivity and verdicts. And what merge refuses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, differingFiles, listFiles, show } from '../cli/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-shards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SCENARIO = join(tmp, 'small.yaml');
writeFileSync(SCENARIO, ['name: Shard test', 'seed: 3', 'days: 40', 'replications: 4', 'market: { size: 600, initialCustomers: 150 }', 'strategies:', '  push: { acquisition: { spendPerDay: 900 } }', '  basics: { journey: { processQuality: 0.995 } }', ''].join('\n'));

/** Runs `args` unsharded into one folder and in 3 shards merged into another; returns both folders. */
async function shardedAndWhole(name: string, args: string[], mergeArgs: string[] = []): Promise<{ whole: string; merged: string }> {
  const whole = join(tmp, `${name}-whole`), merged = join(tmp, `${name}-merged`);
  const w = await cli(...args, '--out', whole, '--quiet');
  expect(w.code, show(w)).toBe(0);
  const shards: string[] = [];
  for (let k = 0; k < 3; k++) {
    const dir = join(tmp, `${name}-shard-${k}`);
    const r = await cli(...args, '--shard', `${k}/3`, '--out', dir, '--quiet');
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).toContain(`shard ${k}/3:`);
    expect(listFiles(dir)).toEqual(['manifest.json', 'runs.jsonl']);
    shards.push(dir);
  }
  // Merge takes the folders in any order.
  const m = await cli('merge', shards[2], shards[0], shards[1], '--out', merged, '--quiet', ...mergeArgs);
  expect(m.code, show(m)).toBe(0);
  return { whole, merged };
}

describe('--shard K/N and cxsim merge', () => {
  it('compare in 3 shards, merged: every file byte-identical to the unsharded compare (manifest, Parquet, charts, report)', async () => {
    const { whole, merged } = await shardedAndWhole('compare', ['compare', SCENARIO]);
    expect(listFiles(merged)).toEqual(listFiles(whole));
    expect(listFiles(whole)).toContain('metrics.parquet');
    expect(differingFiles(whole, merged)).toEqual([]);
  });

  it('sweep in 3 shards, merged with --format parquet --layout wide: identical to the unsharded sweep with the same flags', async () => {
    const args = ['sweep', SCENARIO, '--param', 'journey.processQuality=0.97,0.99', '--param', 'acquisition.spendPerDay=300:900:3', '--format', 'parquet', '--layout', 'wide'];
    const { whole, merged } = await shardedAndWhole('sweep', args, ['--format', 'parquet', '--layout', 'wide']);
    expect(listFiles(whole)).toContain('sweep.parquet');
    expect(listFiles(whole)).not.toContain('sweep.csv');
    // The unsharded sweep also keeps its store of runs (runs.jsonl, not an output) for re-charting.
    expect(differingFiles(whole, merged)).toEqual(['runs.jsonl']);
  });

  it('sensitivity (Morris) in 3 shards, merged: identical', async () => {
    const { whole, merged } = await shardedAndWhole('sensitivity', ['sensitivity', SCENARIO, '-p', 'journey.processQuality=0.97:0.999', '-p', 'acquisition.spendPerDay=0:1000', '--trajectories', '3', '-r', '2']);
    expect(differingFiles(whole, merged)).toEqual([]);
  });

  it('verdicts in 3 shards, merged: identical', async () => {
    const { whole, merged } = await shardedAndWhole('verdicts', ['verdicts', SCENARIO, '-p', 'acquisition.spendPerDay=300:900', '--points', '2', '-r', '2']);
    expect(listFiles(whole)).toEqual(['manifest.json', 'verdicts.csv']);
    expect(differingFiles(whole, merged)).toEqual([]);
  });

  it('refuses a missing or doubled shard, and shards of another experiment, saying which', async () => {
    const a = join(tmp, 'r0'), b = join(tmp, 'r1'), other = join(tmp, 'other1');
    for (const [dir, k, seed] of [[a, 0, '3'], [b, 1, '3'], [other, 1, '9']] as const) expect((await cli('compare', SCENARIO, '--seed', seed, '--shard', `${k}/3`, '--out', dir, '--quiet')).code).toBe(0);
    const missing = await cli('merge', a, b, '--out', join(tmp, 'x'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('shard 2/3 is missing');
    const doubled = await cli('merge', a, a, b, '--out', join(tmp, 'x'));
    expect(doubled.stderr).toContain('shard 0/3 is given twice');
    const mixed = await cli('merge', a, other, '--out', join(tmp, 'x'));
    expect(mixed.stderr).toMatch(/shard of another experiment/);
    const notShard = await cli('merge', tmp, '--out', join(tmp, 'x'));
    expect(notShard.stderr).toMatch(/no shard here/);
  });

  it('takes the shard index from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX with --shard N', async () => {
    const saved = { ...process.env };
    try {
      process.env.SLURM_ARRAY_TASK_ID = '1';
      const r = await cli('compare', SCENARIO, '--shard', '2', '--out', join(tmp, 'env-slurm'), '--quiet');
      expect(r.stderr).toContain('shard 1/2:');
      delete process.env.SLURM_ARRAY_TASK_ID;
      process.env.JOB_COMPLETION_INDEX = '0';
      const k = await cli('compare', SCENARIO, '--shard', '2', '--out', join(tmp, 'env-k8s'), '--quiet');
      expect(k.stderr).toContain('shard 0/2:');
      expect(JSON.parse(readFileSync(join(tmp, 'env-k8s', 'manifest.json'), 'utf8')).shard).toMatchObject({ index: 0, count: 2 });
    } finally {
      process.env = saved;
    }
  });
});
