/**
 * The model's parameters: the scenario sections of every registered mechanism, assembled into
 * one zod schema (the single source of the parameter types, defaults and documentation) with
 * each mechanism's cross-field rules. What a strategy may override.
 */
import { z } from 'zod';
import type { Mechanism } from './mechanism.js';
import { MECHANISMS } from './registry.js';

type SectionsOf<M> = M extends Mechanism<infer S, infer _C, infer _K> ? S : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Shape = Intersection<SectionsOf<(typeof MECHANISMS)[number]>>;

/** The sections of a list of mechanisms by key; a section belongs to exactly one mechanism. */
export function sectionsOf(mechanisms: readonly Mechanism[]): z.ZodRawShape {
  const shape: Record<string, z.ZodType> = {};
  const owner: Record<string, string> = {};
  for (const m of mechanisms) {
    for (const [key, schema] of Object.entries(m.sections)) {
      if (owner[key] !== undefined) throw new Error(`section "${key}" belongs to both ${owner[key]} and ${m.name}`);
      owner[key] = m.name;
      shape[key] = schema;
    }
  }
  return shape;
}

/** The parameter schema of a list of mechanisms: their sections, strict, with their checks. */
export function paramsSchemaOf<T extends z.ZodRawShape>(mechanisms: readonly Mechanism[], shape: T) {
  return z.strictObject(shape).superRefine((p, ctx) => {
    for (const m of mechanisms) m.check?.(p as unknown as Params, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  });
}

export const paramsShape = sectionsOf(MECHANISMS) as unknown as Shape;
export const paramsSchema = paramsSchemaOf(MECHANISMS, paramsShape);
export type Params = z.output<typeof paramsSchema>;
/** The section keys, in registry order. */
export const SECTION_KEYS = Object.keys(paramsShape) as (keyof Shape & string)[];
