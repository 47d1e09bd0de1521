/**
 * `cxsim studio [scenario]`: the what-if studio in the browser. Builds the app, serves it on
 * localhost and prints its address (the simulation runs in the browser's web workers), or with
 * --build writes it as static files a facilitator can host anywhere.
 */
import { spawn } from 'node:child_process';
import type { CommandModule } from 'yargs';
import { loadScenario } from '../../scenario/load.js';
import { studioFiles } from '../../studio/bundle.js';
import { serveStudio, writeStudio } from '../../studio/server.js';
import type { Io } from '../io.js';

interface StudioArgs {
  scenario?: string;
  port: number;
  open: boolean;
  build?: string;
}

export const command = (io: Io): CommandModule<object, StudioArgs> => ({
  command: 'studio [scenario]',
  describe: 'Play what-ifs live in the browser: levers, paired comparison building up run by run, shareable links',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario to open first (the bundled ones are offered too)' })
      .option('port', { alias: 'p', type: 'number', default: 4173, describe: 'Port on localhost (0: any free port)' })
      .option('open', { type: 'boolean', default: true, describe: 'Open the browser (--no-open: only print the address)' })
      .option('build', { type: 'string', describe: 'Write the studio as static files to this folder instead of serving it' }) as never,
  handler: async (argv: StudioArgs) => {
    if (argv.scenario) loadScenario(argv.scenario); // a broken file is reported here, with lines and columns
    const files = await studioFiles(argv.scenario);
    if (argv.build) {
      await writeStudio(files, argv.build);
      io.out(`✓ wrote the studio to ${argv.build}/ (${files.size} files): serve that folder with any static web server and open index.html`);
      return;
    }
    const running = await serveStudio(files, argv.port);
    io.out(`cxsim studio: ${running.url}  (Ctrl-C to stop; simulations run in your browser)`);
    if (argv.open) openBrowser(running.url);
    await new Promise<void>((resolve) => process.once('SIGINT', () => running.close().then(resolve)));
  },
});

/** Asks the desktop to open the address; without a desktop (a server, CI) nothing happens and the printed address is enough. */
function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no opener: the address is printed
  }
}
