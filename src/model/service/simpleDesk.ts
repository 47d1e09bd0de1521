/**
 * The simple service desk: every complaint is answered the day it is voiced, resolved with
 * probability `resolveProbability`, and of those a share `quickShare` quickly (first contact).
 * The recovery episode's score is the scenario's recovery score for the outcome. Questions are
 * not modelled.
 */
import { RESOLVED, RESOLVED_QUICKLY, UNRESOLVED } from '../vocabulary.js';
import { newDeskStats, type DeskKind } from './desk.js';

export const simpleDesk: DeskKind = {
  questions: false,
  create(run, svc, report) {
    const capacity = run.pop.n;
    const agent = new Int32Array(capacity);
    const severity = new Uint8Array(capacity);
    const shortfall = new Float64Array(capacity);
    const { resolveProbability: resolve, quickShare } = svc.simple;
    let open = 0;
    const stats = newDeskStats();
    return {
      stats,
      submit(i, sev, lack) {
        agent[open] = i;
        severity[open] = sev;
        shortfall[open] = lack;
        open++;
      },
      ask() {},
      step(_day, rng) {
        Object.assign(stats, newDeskStats());
        for (let c = 0; c < open; c++) {
          const u = rng();
          const outcome = u >= resolve ? UNRESOLVED : u < resolve * quickShare ? RESOLVED_QUICKLY : RESOLVED;
          const score = svc.simple.recoveryScore[outcome];
          report.contact(agent[c], score);
          report.caseEnded(agent[c], severity[c], shortfall[c], outcome, score);
          stats.casesEnded++;
          stats.caseContacts++;
          if (outcome !== UNRESOLVED) stats.casesSolved++;
          if (outcome === RESOLVED_QUICKLY) stats.casesSolvedFirst++;
        }
        open = 0;
      },
    };
  },
};
