/** The command table main.ts loads lazily: its names and descriptions are the modules' own, so --help tells the truth. */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { makeIo } from '../../src/cli/io.js';

describe('lazily loaded commands', () => {
  it('each entry repeats its module’s command and description', async () => {
    const io = makeIo({ stdout: { write: () => true }, stderr: { write: () => true }, argv: [] });
    for (const c of COMMANDS) {
      const m = (await c.load()).command(io);
      expect({ command: c.command, describe: c.describe }).toEqual({ command: m.command, describe: m.describe });
    }
  });
});
