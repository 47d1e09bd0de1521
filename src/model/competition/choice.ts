/**
 * The switching choice of the competition mechanism (docs/MODEL.md §25): a multinomial logit
 * over the firms of the sector (and, if the scenario allows it, nobody). Person i's utility of
 * firm j is
 *
 *   V_j(i) = ln s_j + β_R·R_j(i) + β_X·X_j(i) − β_P·κ_seg·π_j + [j is i's current firm]·ι
 *
 *   s_j    firm j's share of the sector: attraction in proportion to presence (the "market
 *          share theorem", Bell, Keeney & Little 1975), so that when every firm looks the same
 *          a choice among all of them leaves shares where they are
 *   R_j    reputation: net word of mouth i hears about j (recommenders − ν·warners, as shares)
 *   X_j    experience: satisfaction i expects from j minus i's as-expected score E
 *   π_j    price premium over the market (F7), weighed by the segment's price sensitivity κ
 *   ι      inertia of the current firm (only at a review, where staying is an option)
 *
 * and P(j) = e^{V_j} / Σ_k e^{V_k}. Pure functions over typed arrays: no state, no streams.
 */

/** The logit's weights (compiled from the `competition` section). */
export interface ChoiceWeights {
  reputation: number;
  experience: number;
  price: number;
  inertia: number;
}

/** V_j for a firm with sector share `share` (−∞ when it has no customers: it is not in the choice set). */
export function utility(w: ChoiceWeights, share: number, reputation: number, experience: number, premium: number, priceSensitivity: number, current: boolean): number {
  if (!(share > 0)) return -Infinity;
  return Math.log(share) + w.reputation * reputation + w.experience * experience - w.price * priceSensitivity * premium + (current ? w.inertia : 0);
}

/** Logit probabilities of the first n utilities into `out` (stable: shifted by the largest). Returns false when no option is available (all −∞). */
export function logitProbabilities(v: Float64Array, n: number, out: Float64Array): boolean {
  let max = -Infinity;
  for (let j = 0; j < n; j++) if (v[j] > max) max = v[j];
  if (max === -Infinity) return false;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += out[j] = Math.exp(v[j] - max);
  for (let j = 0; j < n; j++) out[j] /= sum;
  return true;
}

/** The option chosen with uniform u, by inversion of the logit's cumulative probabilities; −1 when none is available. */
export function chooseLogit(v: Float64Array, n: number, u: number, scratch: Float64Array): number {
  if (!logitProbabilities(v, n, scratch)) return -1;
  let last = -1;
  for (let j = 0; j < n; j++) {
    if (scratch[j] <= 0) continue;
    last = j;
    u -= scratch[j];
    if (u < 0) return j;
  }
  return last; // rounding: u within 1e-16 of 1
}
