/**
 * Erlang C for an M/M/c queue with offered load a = λ/μ: the probability of waiting
 *   C(c, a) = [a^c/c! · c/(c − a)] / [Σ_{k<c} a^k/k! + a^c/c! · c/(c − a)]   (a < c),
 * the service level P(wait ≤ t) = 1 − C(c, a)·e^(−(c − a)·μ·t), and the fewest agents that
 * reach a service-level target — the staffing rule of contact centres (brief §3).
 */

/** Probability of waiting on c agents at offered load a (1 when a ≥ c). */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  let term = 1, sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a); // a^c/c! · c/(c − a)
  return top / (sum + top);
}

/** P(wait ≤ t minutes) with arrivals λ per minute, service rate μ per minute, c agents. */
export function serviceLevel(lambda: number, mu: number, c: number, t: number): number {
  const a = lambda / mu;
  if (a >= c) return 0;
  return 1 - erlangC(c, a) * Math.exp(-(c - a) * mu * t);
}

/** The fewest agents (at least `min`, at most `max`) with service level ≥ target. */
export function agentsFor(lambda: number, mu: number, target: number, t: number, min: number, max: number): number {
  for (let c = Math.max(min, 1); c <= max; c++) if (serviceLevel(lambda, mu, c, t) >= target) return c;
  return max;
}
