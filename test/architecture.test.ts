/**
 * The flow scenario → model → engine → experiments → outputs → cli is visible in the folders
 * and imports point one way: a module may import its own folder and the layers below it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// files: Node-only writing helpers, above scenario (they raise its UserError) and below everything that writes.
const LAYER: Record<string, number> = { random: 0, stats: 0, 'version.ts': 0, model: 1, scenario: 2, files: 2.5, engine: 2, experiments: 3, outputs: 4, studio: 5, cli: 6, 'index.ts': 7 };
const SRC = resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (path: string) => relative(SRC, path).split('/')[0];

/** Imports of `source` (a module at `path`) that point to the same or a higher layer elsewhere. */
function wrongImports(path: string, source: string): string[] {
  const from = layerOf(path);
  const wrong: string[] = [];
  for (const [, spec] of source.matchAll(/from '(\.[^']+)'/g)) {
    const to = layerOf(resolve(dirname(path), spec));
    if (to !== from && LAYER[to] >= LAYER[from]) wrong.push(`${relative(SRC, path)} → ${spec}`);
  }
  return wrong;
}

/** The modules `source` (at `path`) loads at run time: value imports and re-exports, not `import type`. */
function valueImports(path: string, source: string): string[] {
  const specs = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from '(\.[^']+)'/gms)].map((m) => m[1]);
  return specs.map((spec) => resolve(dirname(path), spec).replace(/\.js$/, '.ts'));
}

/** Cycles in the run-time import graph, each as a list of modules (empty: none). */
function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (m: string) => {
    state.set(m, 'open');
    stack.push(m);
    for (const to of graph.get(m) ?? []) {
      if (state.get(to) === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to].map((x) => relative(SRC, x)));
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of graph.keys()) if (!state.has(m)) visit(m);
  return cycles;
}

describe('architecture', () => {
  const modules = files(SRC);

  it('every top-level folder of src/ has a layer', () => {
    for (const m of modules) expect(LAYER, `unknown layer of ${relative(SRC, m)}`).toHaveProperty([layerOf(m)]);
  });

  it('imports point from higher layers to lower ones, never back', () => {
    expect(modules.flatMap((m) => wrongImports(m, readFileSync(m, 'utf8')))).toEqual([]);
  });

  it('the check catches a wrong-way import (model → engine) and allows a right-way one', () => {
    const model = join(SRC, 'model', 'x.ts');
    expect(wrongImports(model, "import { simulate } from '../engine/simulate.js';")).toEqual(['model/x.ts → ../engine/simulate.js']);
    expect(wrongImports(model, "import type { Rng } from '../random/streams.js';")).toEqual([]);
  });

  it('no import cycles: modules load in one direction (type-only imports aside)', () => {
    const graph = new Map(modules.map((m) => [m, valueImports(m, readFileSync(m, 'utf8'))]));
    expect(importCycles(graph)).toEqual([]);
  });

  it('the cycle check finds a cycle and ignores type-only imports', () => {
    const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'].map((f) => join(SRC, 'model', f));
    expect(importCycles(new Map([[a, [b]], [b, [c]], [c, [a]]]))).toEqual([['model/a.ts', 'model/b.ts', 'model/c.ts', 'model/a.ts']]);
    expect(valueImports(a, "import type { X } from './b.js';\nimport { y } from './c.js';\nexport { z } from './b.js';")).toEqual([c, b]);
  });

  it('modules stay small: none over 500 lines', () => {
    const long = modules.filter((m) => readFileSync(m, 'utf8').split('\n').length > 500).map((m) => relative(SRC, m));
    expect(long).toEqual([]);
  });
});
