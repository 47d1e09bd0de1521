/** `cxsim schema [--out FILE]`: prints or writes the JSON Schema editors use for scenario files. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { writeAtomic } from '../../files/folder.js';
import { SCHEMA_FILE, scenarioJsonSchemaText } from '../../scenario/jsonSchema.js';
import type { Io } from '../io.js';

interface SchemaArgs {
  out?: string;
}

export const command = (io: Io): CommandModule<object, SchemaArgs> => ({
  command: 'schema',
  describe: `Print the scenario JSON Schema (for editor autocompletion), or write it with --out (the repository keeps it in ${SCHEMA_FILE})`,
  builder: (y) => y.option('out', { type: 'string', requiresArg: true, describe: 'Write the schema to this file instead of stdout' }) as never,
  handler: (argv: SchemaArgs) => {
    const text = scenarioJsonSchemaText();
    if (!argv.out) {
      io.stdout.write(text);
      return;
    }
    mkdirSync(dirname(argv.out), { recursive: true });
    writeAtomic(argv.out, text);
    io.out(`✓ wrote ${argv.out}`);
  },
});
