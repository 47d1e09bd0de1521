/** Validates raw scenario data (as parsed from YAML/JSON) and collects every problem in one pass. */
import { scenarioSchema } from './schema.js';
import { toPathIssues } from './issues.js';
import { isPlainObject } from './merge.js';
import { resolveBaseline, resolveScenario, resolveStrategies, type Resolution } from './normalize.js';

/**
 * Checks `raw` against the file schema, then resolves the baseline and the strategies. When the
 * file schema fails, the baseline and strategies are still checked as far as they can be, so the
 * user fixes everything in one round instead of one layer at a time.
 */
export function checkScenario(raw: unknown, order?: readonly string[]): Resolution {
  const r = scenarioSchema.safeParse(raw, { reportInput: true });
  if (r.success) return resolveScenario(r.data, order);
  const issues = toPathIssues(r.error.issues, scenarioSchema, raw);
  if (isPlainObject(raw)) {
    const base = resolveBaseline(raw);
    // Non-custom baseline issues repeat what the file schema already said.
    issues.push(...base.issues.filter((i) => i.code === 'custom'));
    if (isPlainObject(raw.strategies)) issues.push(...resolveStrategies(raw.strategies, base.params, order).issues);
  }
  return { issues };
}
