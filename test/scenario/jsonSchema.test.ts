/** The committed JSON Schema must match the zod schema, and must check strategies as well as the baseline. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/jsonSchema.js';
import { SECTION_KEYS } from '../../src/scenario/schema.js';

const committed = fileURLToPath(new URL(`../../${SCHEMA_FILE}`, import.meta.url));
type J = Record<string, any>;

describe('scenario JSON Schema', () => {
  it(`${SCHEMA_FILE} is up to date`, () => {
    let onDisk = '';
    try {
      onDisk = readFileSync(committed, 'utf8');
    } catch {
      // reported by the assertion below
    }
    expect(onDisk === scenarioJsonSchemaText(), `${SCHEMA_FILE} is out of date with the scenario schema (src/scenario/schema.ts and the mechanisms' sections); regenerate it with: npx cxsim schema --out ${SCHEMA_FILE}`).toBe(true);
  });

  it('has a title, requires only the name and rejects unknown keys', () => {
    const s = scenarioJsonSchema() as J;
    expect(s.title).toBe('cxsim scenario');
    expect(s.required).toEqual(['name']);
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties)).toContain('$schema');
  });

  it('describes strategies as label, description and every parameter section, nothing required, no typos allowed', () => {
    const strat = (scenarioJsonSchema() as J).properties.strategies.additionalProperties;
    expect(Object.keys(strat.properties)).toEqual(['label', 'description', ...SECTION_KEYS]);
    expect(strat.additionalProperties).toBe(false);
    expect(strat.properties.journey.additionalProperties).toBe(false);
    expect(strat.properties.journey.properties.processQuality).toMatchObject({ type: 'number', minimum: 0, maximum: 1 });
    const text = JSON.stringify(strat);
    expect(text).not.toMatch(/"required"|"default"/);
  });

  it('keeps defaults and required keys outside strategies', () => {
    const market = (scenarioJsonSchema() as J).properties.market;
    expect(market.properties.size.default).toBe(10000);
  });
});
