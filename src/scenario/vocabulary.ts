/**
 * Words of the scenario language the model also needs at run time, kept apart from the zod
 * schema so that code which only simulates (worker threads) does not build the schema.
 */
export type Severity = 'minor' | 'moneyLost' | 'mistreatment';
export const SEVERITIES: readonly Severity[] = ['minor', 'moneyLost', 'mistreatment'];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
