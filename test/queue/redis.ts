/**
 * Redis for the queue tests: the server .ci/run starts on loopback (CXSIM_REDIS_URL), else Debian's
 * redis-server started here on a free loopback port, without persistence. Without either the
 * queue tests are skipped locally with a message, and fail in CI (CI=true).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const REDIS_SERVER = '/usr/bin/redis-server';
export const RUN_QUEUE_TESTS = Boolean(process.env.CXSIM_REDIS_URL) || existsSync(REDIS_SERVER) || process.env.CI === 'true';
if (!RUN_QUEUE_TESTS) console.warn(`queue tests skipped: no ${REDIS_SERVER} (apt-get install redis-server, as .ci/run does)`);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

export interface Redis {
  /** redis://127.0.0.1:port/0 */
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Redis> {
  if (process.env.CXSIM_REDIS_URL) return { url: process.env.CXSIM_REDIS_URL, stop: async () => {} };
  const port = await freePort();
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out.slice(-500)}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}/0`,
    stop: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}
