/**
 * What a manifest recorded of a command's settings (`sensitivity`, `verdicts`, …), so running the
 * command on its manifest.json (or reproduce, or merge) runs it again with the same settings.
 */
import { readFileSync } from 'node:fs';
import { MANIFEST_KEY } from '../scenario/load.js';
import { isPlainObject } from '../scenario/merge.js';

/** The manifest section `key` when `file` is a cxsim manifest that has one; {} otherwise. */
export function recordedSettings<T>(file: string, key: string): Partial<T> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return isPlainObject(data) && data[MANIFEST_KEY] !== undefined && isPlainObject(data[key]) ? (data[key] as Partial<T>) : {};
  } catch {
    return {}; // not JSON (a YAML scenario) or unreadable: loadScenario reports the latter
  }
}
