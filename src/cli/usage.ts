/**
 * Usage errors (an unknown command or option, a missing scenario, a bad flag value) said first and
 * in one or two lines: what is wrong, a did-you-mean when something close exists, and where the
 * help is, instead of yargs' page of help with the error at the bottom.
 */
import { suggest } from '../scenario/describe.js';
import { UserError } from '../scenario/errors.js';

/** A usage error, printed as `cxsim <command>: <what>` and a line saying where the help is. */
export class UsageError extends UserError {
  override name = 'UsageError';
  constructor(
    readonly what: string,
    readonly command?: string,
  ) {
    super(what);
  }

  format(): string {
    const help = this.command ? `Run \`cxsim ${this.command} --help\` for its options.` : 'Run `cxsim --help` for the commands.';
    return `cxsim${this.command ? ` ${this.command}` : ''}: ${this.what}\n${help}`;
  }
}

export interface UsageContext {
  /** The arguments as typed. */
  argv: readonly string[];
  /** Command names (the first word of each command). */
  commands: readonly string[];
}

/** yargs' failure (its message, or an error thrown by a flag's coerce) as a UsageError in our words. */
export function usageError(message: string | null | undefined, error: Error | undefined, usage: unknown, ctx: UsageContext): UsageError {
  const first = ctx.argv.find((a) => !a.startsWith('-'));
  const command = first !== undefined && ctx.commands.includes(first) ? first : undefined;
  if (error && !message) return new UsageError(error.message, command);
  const text = message ?? 'invalid arguments';
  if (command === undefined) {
    if (first === undefined) return new UsageError(`name a command, e.g. \`cxsim compare scenarios/default.yaml\` (commands: ${ctx.commands.join(', ')})`);
    const close = suggest(first, ctx.commands);
    return new UsageError(`unknown command \`${first}\`${close ? `; did you mean \`${close}\`?` : ` (commands: ${ctx.commands.join(', ')})`}`);
  }
  const say = (what: string) => new UsageError(what, command);
  const unknown = /^Unknown arguments?: (.*)$/s.exec(text);
  if (unknown) {
    const names = unknown[1].split(', ');
    // yargs lists `--long-nam` twice (long-nam and longNam): keep what was typed.
    const typed = names.filter((n) => !names.some((m) => m !== n && camel(m) === n));
    const options = knownOptions(usage);
    const parts = typed.map((n) => {
      if (ctx.argv.includes(n)) return `unexpected argument \`${n}\``;
      const close = suggest(n, options);
      return `unknown option \`${flagOf(n)}\`${close ? `; did you mean \`--${close}\`?` : ''}`;
    });
    return say(parts.join('; '));
  }
  const missingValue = /^Not enough arguments following: (.*)$/.exec(text);
  if (missingValue) return say(`\`${flagOf(missingValue[1])}\` needs a value`);
  if (/^Not enough non-option arguments/.test(text) || /^Missing required argument: (scenario|manifest)/.test(text)) return say(`name a ${command === 'reproduce' ? 'manifest.json' : 'scenario file, e.g. scenarios/default.yaml'}`);
  const invalid = /^Invalid values:\s*Argument: (\S+), Given: (.*), Choices: (.*)$/s.exec(text);
  if (invalid) {
    const choices = invalid[3].split(', ').map(unquote);
    const given = unquote(invalid[2].trim());
    const close = suggest(given, choices);
    return say(`${flagOf(invalid[1])}: expected ${choices.join(' or ')}, got ${given}${close ? `; did you mean \`${close}\`?` : ''}`);
  }
  return say(text.charAt(0).toLowerCase() + text.slice(1));
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');
const flagOf = (name: string) => (name.length === 1 ? `-${name}` : `--${name}`);

/**
 * Long option names of the command being parsed. yargs hands fail() its usage object (typed as
 * the parser), whose descriptions are keyed by the command's options.
 */
function knownOptions(usage: unknown): string[] {
  const descriptions = (usage as { getDescriptions?: () => Record<string, unknown> }).getDescriptions?.() ?? {};
  return Object.keys(descriptions).filter((k) => k.length > 1 && !/[A-Z]/.test(k));
}

/**
 * Examples for the end of a command's help: each command line on its own line, what it does
 * indented below it (yargs' two-column examples break long commands in the middle).
 */
export function examplesEpilogue(examples: readonly (readonly [string, string])[]): string {
  return ['Examples:', ...examples.flatMap(([command, what]) => [`  ${command}`, `      ${what}`])].join('\n');
}
