/**
 * One simulated day as two fused passes over the population, so the cost per person-day is a
 * couple of sequential sweeps rather than one per mechanism:
 *
 *   1. customer pass:   episode (→ talk or complaint) and the churn draw, per customer
 *   2. leavers settle:  retention saves, the rest churn
 *   3. service desk:    cases end → recovery → talk
 *   4. population pass: what was heard → adoption (prospects, churned) or trust (customers),
 *                       margin earned, and the day's observation
 *
 * Messages sent in 1 and 3 are read in 4, so every adoption decision uses the word of mouth
 * of customers as they were at the start of the day (synchronous update).
 */
import { adopt, adoptionHazard, hearAsCustomer, hitsAt, newSkipper } from '../model/adoption.js';
import { settleLeavers, wantsToLeave } from '../model/churn.js';
import { UNRESOLVED } from '../model/config.js';
import type { DayContext } from '../model/context.js';
import { earn, type Till } from '../model/economics.js';
import { runEpisode } from '../model/episodes.js';
import { observeCustomer, type Observation } from '../model/observe.js';
import { CHURNED, CUSTOMER, PROSPECT } from '../model/population.js';
import { applyOutcome } from '../model/recovery.js';
import { mixedReachShare, talk } from '../model/wom.js';

export function customerPass(c: DayContext, leavers: Int32Array): number {
  const state = c.pop.state;
  let count = 0, atRisk = 0;
  for (let i = 0, n = c.pop.n; i < n; i++) {
    if (state[i] !== CUSTOMER) continue;
    atRisk++;
    runEpisode(c, i);
    if (wantsToLeave(c, i)) leavers[count++] = i;
  }
  c.tally.churnAtRisk += atRisk;
  return count;
}

export function settleAndServe(c: DayContext, leavers: Int32Array, count: number): void {
  settleLeavers(c, leavers, count);
  const { pop, cfg, tally } = c;
  c.desk.step(c.day, c.rng.service, (i, severity, bad, outcome) => {
    const score = applyOutcome(pop, cfg, i, severity, bad, outcome);
    if (outcome !== UNRESOLVED) tally.resolved++;
    talk(pop, cfg, c.wom, tally, c.rng.wom, i, score);
  });
}

export function populationPass(c: DayContext, till: Till, o: Observation): void {
  const { pop, cfg, wom, tally, day } = c;
  const { state, joinDay, posHeard, negHeard } = pop;
  const csr = wom.csr;
  const offsets = csr === null ? null : csr.offsets;
  // Fully mixed, everyone gets the same mean-field signal; on a network, only those who heard nothing share one.
  const norm = pop.n * wom.meanDegree;
  const sharedPos = csr === null ? wom.mixedPositive / norm : 0;
  const sharedNeg = csr === null ? wom.mixedNegative / norm : 0;
  const hShared = adoptionHazard(cfg, sharedPos, sharedNeg);
  const rng = c.rng.adoption;
  const prospectHits = newSkipper(hShared, rng);
  const winBackHits = newSkipper(hShared * cfg.winBackFactor, rng);
  let reached = 0;
  for (let i = 0, n = pop.n; i < n; i++) {
    let heard = false, sp = sharedPos, sn = sharedNeg;
    if (offsets !== null && (posHeard[i] !== 0 || negHeard[i] !== 0)) {
      const degree = offsets[i + 1] - offsets[i];
      sp = posHeard[i] / degree;
      sn = negHeard[i] / degree;
      posHeard[i] = 0;
      negHeard[i] = 0;
      heard = true;
    }
    const st = state[i];
    if (st === CUSTOMER) {
      if (heard || (offsets === null && (sp !== 0 || sn !== 0))) hearAsCustomer(c, i, sp, sn);
      if (joinDay[i] !== day) earn(till, pop, i);
      observeCustomer(o, pop, cfg, i);
      continue;
    }
    if (heard) reached++;
    let h: number, adopts: boolean;
    if (heard) {
      h = adoptionHazard(cfg, sp, sn) * (st === CHURNED ? cfg.winBackFactor : 1);
      adopts = h > 0 && rng() < h;
    } else if (st === PROSPECT) {
      h = hShared;
      adopts = hitsAt(prospectHits, i, rng);
    } else {
      h = hShared * cfg.winBackFactor;
      adopts = hitsAt(winBackHits, i, rng);
    }
    if (adopts) {
      adopt(c, i, h);
      observeCustomer(o, pop, cfg, i);
    } else if (st === PROSPECT) o.prospects++;
    else o.churned++;
  }
  tally.womReach += csr === null ? (pop.n - o.customers) * mixedReachShare(wom, pop.n) : reached;
  wom.mixedPositive = 0;
  wom.mixedNegative = 0;
}
