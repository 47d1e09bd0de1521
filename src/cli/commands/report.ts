/** `cxsim report <folder>`: one self-contained report.html from the output folder of `compare` or `run`. */
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { writeAtomic, writeFileIn } from '../../files/folder.js';
import { lockFolder } from '../../files/lock.js';
import { reportFromFolder } from '../../outputs/report/folder.js';
import type { Io } from '../io.js';

interface ReportArgs {
  folder: string;
  out?: string;
}

export const command = (io: Io): CommandModule<object, ReportArgs> => ({
  command: 'report <folder>',
  describe: 'Write one self-contained report.html (opens offline, prints one chart per page) from an output folder of compare or run',
  builder: (y) =>
    y
      .positional('folder', { type: 'string', demandOption: true, describe: 'Output folder of `cxsim compare` or `cxsim run` (with manifest.json)' })
      .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'Where to write the report (default <folder>/report.html)' }) as never,
  handler: async (argv: ReportArgs) => {
    const html = await reportFromFolder(argv.folder);
    const out = argv.out ?? join(argv.folder, 'report.html');
    if (argv.out) {
      mkdirSync(dirname(out), { recursive: true });
      writeAtomic(out, html);
    } else {
      // Into the output folder: as any writer there, one at a time and never through a link.
      const lock = lockFolder(argv.folder, ['cxsim', ...io.argv].join(' '));
      try {
        writeFileIn(argv.folder, 'report.html', html);
      } finally {
        lock.release();
      }
    }
    io.out(`✓ wrote ${out} (${Math.round(Buffer.byteLength(html) / 1024)} KB, works offline: open it in a browser)`);
  },
});
