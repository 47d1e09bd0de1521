/**
 * `cxsim worker --queue redis://host:port`: runs simulations for coordinators on any machine
 * (`cxsim compare|run|sweep|sensitivity|calibrate … --queue` sends them). Serves the queue of its
 * own model code until stopped: Ctrl-C or SIGTERM (a Kubernetes pod's stop) lets running runs
 * finish first; a second one quits at once (the runs go back to the queue when their locks expire).
 */
import { availableParallelism, hostname } from 'node:os';
import type { CommandModule } from 'yargs';
import { modelHash } from '../../experiments/modelHash.js';
import { parseQueueUrl } from '../../experiments/queueAddress.js';
import { startQueueWorker } from '../../experiments/queueWorker.js';
import { numberOption, RULES } from '../flags.js';
import type { Io } from '../io.js';

interface WorkerArgs {
  queue: string;
  threads?: number;
  'lock-seconds'?: number;
  quiet?: boolean;
}

export const command = (io: Io): CommandModule<object, WorkerArgs> => ({
  command: 'worker',
  describe: 'Run simulations from a queue on Redis for coordinators started with --queue (any number of workers, on any machines)',
  builder: (y) =>
    y
      .option('queue', { type: 'string', demandOption: true, requiresArg: true, describe: 'Redis address, redis://host:port[/db][?prefix=name]' })
      .option('threads', numberOption('threads', RULES.workers, 'Runs at once, on worker threads (default: all cores)', 'w'))
      .option('lock-seconds', numberOption('lock-seconds', { min: 0.5 }, 'A run whose worker stops answering goes back to the queue after this long (default 30)'))
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No line per finished run' }) as never,
  handler: async (argv: WorkerArgs) => {
    parseQueueUrl(argv.queue);
    const threads = argv.threads ?? availableParallelism();
    const lockMs = (argv['lock-seconds'] ?? 30) * 1000;
    let runs = 0;
    const worker = await startQueueWorker({
      url: argv.queue,
      model: modelHash(),
      threads,
      lockMs,
      stalledMs: Math.max(250, lockMs / 2),
      name: `${hostname()}:${process.pid}`,
      onRun: (key) => void (runs++, argv.quiet || io.err(`cxsim worker: ran ${key} (${runs} so far)`)),
      onError: (e) => io.err(`cxsim worker: ${e.message}`),
    });
    io.err(`cxsim worker: serving queue ${worker.queue} on ${argv.queue} with ${threads} thread${threads === 1 ? '' : 's'}; Ctrl-C to stop`);
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = () => {
        if (stopping) process.exit(130);
        stopping = true;
        io.err('cxsim worker: stopping — letting running runs finish (Ctrl-C again to quit at once)');
        void worker.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.err(`cxsim worker: stopped after ${runs} run${runs === 1 ? '' : 's'}`);
  },
});
