/**
 * `cxsim worker --queue redis://host:port`: runs simulations for coordinators on any machine
 * (`cxsim compare|run|sweep|sensitivity … --queue` sends them). Serves the queue of its own model
 * code until stopped: Ctrl-C or SIGTERM (a Kubernetes pod's stop) lets running runs finish first;
 * a second one quits at once (the runs go back to the queue when their locks expire).
 */
import { availableParallelism, hostname } from 'node:os';
import type { CommandModule } from 'yargs';
import { modelHash } from '../../experiments/modelHash.js';
import { parseQueueUrl } from '../../experiments/queue.js';
import { startQueueWorker } from '../../experiments/queueWorker.js';
import { UserError } from '../../scenario/errors.js';
import { withFriendlyErrors } from './handleErrors.js';

interface WorkerArgs {
  queue: string;
  threads?: number;
  'lock-seconds'?: number;
  quiet?: boolean;
}

export const command: CommandModule<object, WorkerArgs> = {
  command: 'worker',
  describe: 'Run simulations from a queue on Redis for coordinators started with --queue (any number of workers, any machines)',
  builder: (y) =>
    y
      .option('queue', { type: 'string', demandOption: true, describe: 'Redis address, redis://host:port[/db][?prefix=name]' })
      .option('threads', { alias: 'w', type: 'number', describe: 'Runs at once on worker threads (default: all cores)' })
      .option('lock-seconds', { type: 'number', describe: 'A run whose worker stops answering goes back to the queue after this long (default 30)' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No line per finished run' }) as never,
  handler: withFriendlyErrors(async (argv: WorkerArgs) => {
    parseQueueUrl(argv.queue);
    const threads = argv.threads ?? availableParallelism();
    if (!(Number.isInteger(threads) && threads >= 1)) throw new UserError(`--threads: expected a whole number ≥ 1, got ${threads}`);
    const lock = argv['lock-seconds'] ?? 30;
    if (!(lock > 0)) throw new UserError(`--lock-seconds: expected a number > 0, got ${lock}`);
    let runs = 0;
    const worker = await startQueueWorker({
      url: argv.queue,
      model: modelHash(),
      threads,
      lockMs: lock * 1000,
      stalledMs: Math.max(500, (lock * 1000) / 2),
      name: `${hostname()}:${process.pid}`,
      onRun: (key) => void (runs++, argv.quiet || console.error(`cxsim worker: ran ${key} (${runs} so far)`)),
      onError: (e) => console.error(`cxsim worker: ${e.message}`),
    });
    console.error(`cxsim worker: serving queue ${worker.queue} on ${argv.queue} with ${threads} thread${threads === 1 ? '' : 's'}; Ctrl-C to stop`);
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = () => {
        if (stopping) process.exit(130);
        stopping = true;
        console.error('cxsim worker: stopping — letting running runs finish (Ctrl-C again to quit at once)');
        void worker.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    console.error(`cxsim worker: stopped after ${runs} run${runs === 1 ? '' : 's'}`);
  }),
};
