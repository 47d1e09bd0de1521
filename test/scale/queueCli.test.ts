/** `compare --queue` with a `cxsim worker` process: the outputs of a local compare, byte for byte. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, differingFiles, ROOT, show } from '../cli/helpers.js';
import { RUN_QUEUE_TESTS, startRedis, type Redis } from '../queue/redis.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-queue-cli-'));
const SCENARIO = join(tmp, 'q.yaml');
writeFileSync(SCENARIO, ['name: Queue CLI test', 'seed: 4', 'days: 40', 'replications: 3', 'market: { size: 600, initialCustomers: 150 }', 'strategies:', '  push: { acquisition: { spendPerDay: 900 } }', ''].join('\n'));
let redis: Redis;
beforeAll(async () => {
  if (RUN_QUEUE_TESTS) redis = await startRedis();
}, 60_000);
afterAll(async () => {
  await redis?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe.runIf(RUN_QUEUE_TESTS)('compare --queue', () => {
  it('writes what a local compare writes, the runs made by a worker process', async () => {
    const url = `${redis.url}?prefix=cli-${randomBytes(4).toString('hex')}`;
    const worker = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--threads', '1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    worker.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
    try {
      const q = await cli('compare', SCENARIO, '--queue', url, '--out', join(tmp, 'queued'), '--quiet');
      expect(q.code, show(q)).toBe(0);
      const l = await cli('compare', SCENARIO, '--out', join(tmp, 'local'), '--quiet');
      expect(l.code, show(l)).toBe(0);
      expect(differingFiles(join(tmp, 'local'), join(tmp, 'queued'))).toEqual([]);
      expect(log.match(/ran /g)?.length, log).toBe(6);
    } finally {
      worker.kill('SIGTERM');
      await new Promise((r) => worker.on('exit', r));
    }
  });

  it('says clearly when Redis cannot be reached', async () => {
    const r = await cli('compare', SCENARIO, '--queue', 'redis://127.0.0.1:1', '--out', join(tmp, 'nowhere'), '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--queue redis:\/\/127\.0\.0\.1:1: cannot reach Redis/);
  });
});
