/** Canonical JSON for hashing scenarios, shared by manifests (Node) and the studio (browser). */

/**
 * JSON with object keys sorted at every depth and no whitespace, so equal values hash equally
 * whatever order their keys were written in. Like JSON.stringify, it drops undefined members
 * and writes non-finite numbers as null.
 */
export function canonicalJson(x: unknown): string {
  return JSON.stringify(x, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) sorted[k] = (value as Record<string, unknown>)[k];
    return sorted;
  });
}
