/** Entry point turning a scenario's wom.network spec into the CSR the simulation's word-of-mouth loop runs over. */
import type { Csr } from './csr.js';
import { barabasiAlbert } from './barabasiAlbert.js';
import { wattsStrogatz } from './wattsStrogatz.js';

export { type Csr, degree, edgeCount, fromEdgeList, meanDegree, validateCsr } from './csr.js';
export { barabasiAlbert } from './barabasiAlbert.js';
export { wattsStrogatz } from './wattsStrogatz.js';
export { strongShare, strongTies } from './ties.js';

export interface NetworkSpec {
  type: 'wattsStrogatz' | 'barabasiAlbert' | 'fullyMixed';
  meanDegree: number;
  rewiring: number; // Watts–Strogatz β; ignored by the other types
}

/** null for fullyMixed: there the simulation uses the mean field, not a graph. */
export function buildNetwork(spec: NetworkSpec, n: number, rand: () => number): Csr | null {
  switch (spec.type) {
    case 'fullyMixed':
      return null;
    case 'wattsStrogatz':
      return wattsStrogatz(n, spec.meanDegree, spec.rewiring, rand);
    case 'barabasiAlbert':
      return barabasiAlbert(n, spec.meanDegree, rand);
    default: {
      const never: never = spec.type;
      throw new Error(`buildNetwork: unknown network type ${String(never)}`);
    }
  }
}
