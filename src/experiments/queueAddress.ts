/**
 * Addresses and names of the queue (queue.ts), without loading BullMQ: commands check a --queue
 * address as they parse flags, and only a run that uses the queue loads the client.
 */
import { UserError } from '../scenario/errors.js';
import type { Job } from './jobs.js';
import { jobHash } from './resume.js';

export interface QueueAddress {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  /** Key prefix in Redis (default "cxsim"): separate namespaces on one server. */
  prefix: string;
}

/** `redis://[user:password@]host[:port][/db][?prefix=name]` → connection settings; a UserError when it is not one. */
export function parseQueueUrl(url: string): QueueAddress {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError(`--queue: expected redis://host:port, got \`${url}\``);
  }
  if (u.protocol !== 'redis:') throw new UserError(`--queue: expected a redis:// address, got \`${url}\``);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new UserError(`--queue: the database number must be a whole number, got \`${u.pathname.slice(1)}\``);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username && { username: decodeURIComponent(u.username) }),
    ...(u.password && { password: decodeURIComponent(u.password) }),
    prefix: u.searchParams.get('prefix') ?? 'cxsim',
  };
}

/** ioredis settings for BullMQ (which opens its own connections with them). */
export const connectionOf = (a: QueueAddress) => ({ host: a.host, port: a.port, db: a.db, username: a.username, password: a.password, maxRetriesPerRequest: null });

/**
 * Connects once without retrying, so an address where no Redis answers is a clear error at once
 * (BullMQ's own connections retry for ever, which is what a running worker wants).
 */
export async function checkRedis(url: string, flag = '--queue'): Promise<QueueAddress> {
  const a = parseQueueUrl(url);
  const { Redis } = await import('ioredis');
  const client = new Redis({ ...connectionOf(a), lazyConnect: true, connectTimeout: 5000, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  client.on('error', () => {}); // reported by connect() below
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new UserError(`${flag} ${url}: cannot reach Redis (${(e as Error).message || 'connection refused'})`);
  } finally {
    client.disconnect();
  }
  return a;
}

/** The queue of a model code: workers and coordinators meet there only when they run the same code. */
export const queueName = (model: string): string => `cxsim-${model.slice(0, 16)}`;

/** A job's id in the queue: the same run has the same id in every experiment. */
export const queueJobId = (job: Job): string => `run-${jobHash(job)}`;

