/** Shards: parsing --shard (and the schedulers' environment) and slicing jobs so every job runs in exactly one shard. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioJobs } from '../../src/experiments/jobs.js';
import { parseShard, shardIndices } from '../../src/experiments/shard.js';
import { tinyScenario } from './helpers.js';

describe('parseShard', () => {
  it('reads K/N, 0-based', () => {
    expect(parseShard('0/3', {})).toEqual({ index: 0, count: 3 });
    expect(parseShard('2/3', {})).toEqual({ index: 2, count: 3 });
  });
  it('takes K from Slurm or Kubernetes when only N is given', () => {
    expect(parseShard('4', { SLURM_ARRAY_TASK_ID: '3' })).toEqual({ index: 3, count: 4 });
    expect(parseShard('4', { JOB_COMPLETION_INDEX: '1' })).toEqual({ index: 1, count: 4 });
  });
  it('says what is wrong', () => {
    expect(() => parseShard('3/3', {})).toThrow(/index must be 0 to 2/);
    expect(() => parseShard('a/3', {})).toThrow(/index must be 0 to 2/);
    expect(() => parseShard('1/0', {})).toThrow(/whole number ≥ 1/);
    expect(() => parseShard('3', {})).toThrow(/no shard index/);
    expect(() => parseShard('3', { SLURM_ARRAY_TASK_ID: '3' })).toThrow(/--array=0-2/);
    expect(() => parseShard('1/2/3', {})).toThrow(/expected K\/N/);
  });
});

describe('shardIndices', () => {
  const jobs = scenarioJobs(tinyScenario({ replications: 5 })); // 3 strategies × 5 replications

  it('covers every job exactly once across the shards, for any number of shards', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), (count) => {
        const all = Array.from({ length: count }, (_, index) => shardIndices(jobs, { index, count })).flat();
        expect([...all].sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i));
        const sizes = Array.from({ length: count }, (_, index) => shardIndices(jobs, { index, count }).length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('keeps a replication’s jobs together (they share a network): 5 shards of 15 jobs = one replication each', () => {
    for (let index = 0; index < 5; index++) {
      const reps = new Set(shardIndices(jobs, { index, count: 5 }).map((i) => jobs[i].replication));
      expect([...reps]).toEqual([index]);
    }
  });
});
