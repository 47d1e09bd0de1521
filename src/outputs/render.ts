/**
 * Renders a Vega-Lite spec to SVG text headlessly (no canvas), with Vega-Lite's warnings made
 * visible. vega and vega-lite take a good fraction of a second to load: they are imported on the
 * first render, so commands that draw nothing never load them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LoggerInterface } from 'vega';

let libraries: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;
const load = () => (libraries ??= Promise.all([import('vega'), import('vega-lite')]));

/** A Vega logger that keeps warnings and errors instead of printing them, so callers and tests can inspect them. */
export class CollectingLogger implements LoggerInterface {
  readonly messages: string[] = [];
  private current = 2; // Warn: info and debug are noise here

  level(): number;
  level(l: number): this;
  level(l?: number): number | this {
    if (l === undefined) return this.current;
    this.current = l;
    return this;
  }
  error(...args: unknown[]): this {
    this.messages.push(`error: ${text(args)}`);
    return this;
  }
  warn(...args: unknown[]): this {
    if (this.current >= 2) this.messages.push(`warn: ${text(args)}`);
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

const text = (args: readonly unknown[]) => args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');

/** Renders one at a time: the SVG id counters are process-wide, so two renders interleaving at an await would number each other's ids. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * SVG of a Vega-Lite spec. The 'none' renderer with toSVG needs no canvas package, and text
 * widths are estimated rather than measured, so the same spec gives the same bytes everywhere.
 * Pass a logger (see CollectingLogger) to see compile and runtime warnings; by default they are dropped.
 */
export function renderSvg(vlSpec: TopLevelSpec, logger: LoggerInterface = new CollectingLogger()): Promise<string> {
  const next = queue.then(() => renderNow(vlSpec, logger));
  queue = next.catch(() => undefined);
  return next;
}

async function renderNow(vlSpec: TopLevelSpec, logger: LoggerInterface): Promise<string> {
  const [{ parse, resetSVGDefIds, View }, { compile }] = await load();
  // Gradient and clip ids come from process-wide counters: reset them, so a chart rendered twice in one process gives the same bytes.
  resetSVGDefIds();
  const { spec } = compile(vlSpec, { logger });
  const view = new View(parse(spec), { renderer: 'none', logger });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
