/**
 * The simple service desk: every complaint is answered the day it is voiced, resolved with
 * probability `resolveProbability`, and of those a share `quickShare` quickly (first contact).
 * The recovery episode's score is the scenario's recovery score for the outcome. Questions are
 * not modelled.
 */
import type { Rng } from '../../random/streams.js';
import { RESOLVED, RESOLVED_QUICKLY, UNRESOLVED, type ModelConfig } from '../config.js';
import { newDeskStats, type DeskReport, type ServiceDesk } from './desk.js';

export function simpleDesk(cfg: ModelConfig, capacity: number): ServiceDesk {
  const agent = new Int32Array(capacity);
  const severity = new Uint8Array(capacity);
  const bad = new Uint8Array(capacity);
  let open = 0;
  const stats = newDeskStats();
  return {
    stats,
    submit(i, sev, isBad) {
      agent[open] = i;
      severity[open] = sev;
      bad[open] = isBad ? 1 : 0;
      open++;
    },
    ask() {},
    step(_day: number, rng: Rng, report: DeskReport) {
      Object.assign(stats, newDeskStats());
      for (let c = 0; c < open; c++) {
        const u = rng();
        const outcome = u >= cfg.resolveProb ? UNRESOLVED : u < cfg.resolveProb * cfg.quickShare ? RESOLVED_QUICKLY : RESOLVED;
        const score = cfg.recoveryScore[outcome];
        report.contact(agent[c], score);
        report.caseEnded(agent[c], severity[c], bad[c] === 1, outcome, score);
        stats.casesEnded++;
        stats.caseContacts++;
        if (outcome !== UNRESOLVED) stats.casesSolved++;
        if (outcome === RESOLVED_QUICKLY) stats.casesSolvedFirst++;
      }
      open = 0;
    },
  };
}
