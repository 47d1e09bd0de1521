/**
 * Words of the scenario language the model also needs at run time, kept apart from the zod
 * schema so that code which only simulates (worker threads) does not build the schema.
 */
export type Severity = 'minor' | 'moneyLost' | 'mistreatment';
export const SEVERITIES: readonly Severity[] = ['minor', 'moneyLost', 'mistreatment'];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** How a problem ended (index of the recovery tables): never voiced, voiced and not resolved, resolved, resolved at the first contact. */
export const SILENT = 0, UNRESOLVED = 1, RESOLVED = 2, RESOLVED_QUICKLY = 3;
/** Severities from this index on (money lost, mistreatment) are major problems. */
export const MAJOR_SEVERITY = 1;
