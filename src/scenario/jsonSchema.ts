/** Generates the JSON Schema editors use to autocomplete and check scenario files, strategies included. */
import { z } from 'zod';
import { paramsSchema, scenarioSchema, strategyInputSchema } from './schema.js';

type Json = Record<string, unknown>;

/** Where the committed copy lives; a test keeps it in step with the zod schema. */
export const SCHEMA_FILE = 'scenarios/cxsim.schema.json';

/**
 * The scenario JSON Schema. zod sees a strategy as label/description plus anything (overrides are
 * checked only after merging), so its value schema is replaced by every parameter made optional at
 * every depth: editors then flag typos inside strategies too.
 */
export function scenarioJsonSchema(): Json {
  const root = z.toJSONSchema(scenarioSchema, { io: 'input' }) as Json;
  const props = root.properties as Record<string, Json>;
  const params = deepPartial(z.toJSONSchema(paramsSchema, { io: 'input' })) as Json;
  const meta = (z.toJSONSchema(strategyInputSchema, { io: 'input' }) as Json).properties as Record<string, Json>;
  props.strategies.additionalProperties = {
    type: 'object',
    description: 'A strategy: label and description, plus any baseline parameters to change (deep merge; unset ones keep the baseline value).',
    properties: { label: meta.label, description: meta.description, ...(params.properties as Json) },
    additionalProperties: false,
  };
  const { $schema, ...rest } = root;
  return {
    $schema,
    title: 'cxsim scenario',
    description: 'A cxsim scenario: the baseline parameters (top-level sections) and named strategies that override some of them. Generated from src/scenario/schema.ts; do not edit by hand.',
    ...rest,
  };
}

/** The JSON Schema as committed: 2-space indented with a trailing newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/**
 * Drops `required` and `default` at every depth: inside a strategy nothing is required, and the
 * value that applies to an unset key is the baseline's, not the schema default.
 */
function deepPartial(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(deepPartial);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'required' || k === 'default' || k === '$schema') continue;
    // Keys under `properties` are field names, not schema keywords, so they are never dropped.
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Json).map(([name, s]) => [name, deepPartial(s)])) : deepPartial(v);
  }
  return out;
}
