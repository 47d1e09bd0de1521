/**
 * The simple service desk: every complaint is answered the day it is voiced, resolved with
 * probability `resolveProbability`, and of those a share `quickShare` quickly (first contact).
 */
import type { Rng } from '../../random/streams.js';
import { RESOLVED, RESOLVED_QUICKLY, UNRESOLVED, type ModelConfig } from '../config.js';
import type { CaseReport, ServiceDesk } from './desk.js';

export function simpleDesk(cfg: ModelConfig, capacity: number): ServiceDesk {
  const agent = new Int32Array(capacity);
  const severity = new Uint8Array(capacity);
  const bad = new Uint8Array(capacity);
  let open = 0;
  return {
    submit(i, sev, _headquarters, isBad) {
      agent[open] = i;
      severity[open] = sev;
      bad[open] = isBad ? 1 : 0;
      open++;
    },
    step(_day: number, rng: Rng, report: CaseReport) {
      for (let c = 0; c < open; c++) {
        const u = rng();
        const outcome = u >= cfg.resolveProb ? UNRESOLVED : u < cfg.resolveProb * cfg.quickShare ? RESOLVED_QUICKLY : RESOLVED;
        report(agent[c], severity[c], bad[c] === 1, outcome);
      }
      open = 0;
    },
  };
}
