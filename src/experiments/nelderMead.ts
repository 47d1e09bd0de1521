/**
 * Bounded Nelder–Mead minimisation on the unit cube [0, 1]^k (Lagarias, Reeds, Wright & Wright
 * 1998), with the standard coefficients: reflection 1, expansion 2, contraction 0.5, shrink 0.5.
 */

export type NelderMeadStep = 'initial' | 'reflect' | 'expand' | 'contract-outside' | 'contract-inside' | 'shrink';

export interface EvaluationRecord {
  /** 1-based count of objective evaluations so far. */
  evaluation: number;
  /** The iteration that proposed the point (0 = initial simplex). */
  iteration: number;
  step: NelderMeadStep;
  x: number[];
  f: number;
  /** Lowest f evaluated so far, this point included. */
  best: number;
}

export interface NelderMeadOptions {
  /** Initial simplex: x0 plus `step` along each axis (minus where plus would leave the cube). Default 0.25. */
  step?: number;
  /** Hard budget of objective evaluations. Default 200. */
  maxEvaluations?: number;
  /** Converged when every vertex is within this (max-norm) of the best one … Default 1e-3. */
  xTolerance?: number;
  /** … and the vertices' f values spread by at most this. Default 1e-6. */
  fTolerance?: number;
  /** Evaluates several points at once (the initial simplex, a shrink), e.g. as one parallel batch; default: f one by one. */
  batch?: (xs: number[][]) => Promise<number[]>;
  /** Fresh simplices started from the best point after a descent converges; stops early when one finds nothing better. Default 0. */
  restarts?: number;
  onEvaluation?: (r: EvaluationRecord) => void;
}

export interface NelderMeadResult {
  x: number[];
  f: number;
  evaluations: number;
  iterations: number;
  reason: 'converged' | 'maxEvaluations';
  /** Restarts made (each began a new descent at the best point). */
  restarts: number;
  history: EvaluationRecord[];
}

const ALPHA = 1, GAMMA = 2, RHO = 0.5, SIGMA = 0.5;

const clamp = (x: number[]) => x.map((v) => (v < 0 ? 0 : v > 1 ? 1 : v));
/** c + t·(d − c), clamped to the cube: bounds by projection, which keeps every evaluated point feasible. */
const along = (c: number[], d: number[], t: number) => clamp(c.map((ci, i) => ci + t * (d[i] - ci)));

class BudgetExhausted extends Error {}

/**
 * Minimises f over [0, 1]^k from x0. Points proposed outside the cube are projected onto it, so
 * an optimum on a bound is reached by vertices collecting on that face. Points already evaluated
 * (projection can repeat them) are looked up, not re-evaluated. Stops when the simplex is small
 * (xTolerance) and flat (fTolerance) together — with one test alone, a flat plateau or a thin
 * valley would stop it early — or when the evaluation budget is spent, returning the best point.
 * With `restarts`, a converged descent is followed by new ones from the best point.
 */
export async function nelderMead(f: (x: number[]) => number | Promise<number>, x0: readonly number[], o: NelderMeadOptions = {}): Promise<NelderMeadResult> {
  const k = x0.length;
  const step = o.step ?? 0.25, restarts = o.restarts ?? 0, maxEvaluations = o.maxEvaluations ?? 200, xTol = o.xTolerance ?? 1e-3, fTol = o.fTolerance ?? 1e-6;
  if (k < 1) throw new RangeError('nelderMead: x0 needs at least one coordinate');
  if (!(Number.isInteger(maxEvaluations) && maxEvaluations >= 1)) throw new RangeError(`nelderMead: maxEvaluations must be a whole number ≥ 1, got ${maxEvaluations}`);
  const history: EvaluationRecord[] = [];
  const seen = new Map<string, number>();
  let best = { x: clamp([...x0]), f: Infinity };
  let iteration = 0, restartCount = 0;

  const evaluate = async (xs: number[][], kind: NelderMeadStep): Promise<number[]> => {
    const fresh = [...new Map(xs.filter((x) => !seen.has(key(x))).map((x) => [key(x), x])).values()];
    if (history.length + fresh.length > maxEvaluations) throw new BudgetExhausted();
    const values = fresh.length === 0 ? [] : o.batch ? await o.batch(fresh) : await sequential(f, fresh);
    fresh.forEach((x, i) => {
      const fx = Number.isNaN(values[i]) ? Infinity : values[i];
      seen.set(key(x), fx);
      if (fx < best.f) best = { x, f: fx };
      const r: EvaluationRecord = { evaluation: history.length + 1, iteration, step: kind, x, f: fx, best: best.f };
      history.push(r);
      o.onEvaluation?.(r);
    });
    return xs.map((x) => seen.get(key(x))!);
  };

  const done = (reason: NelderMeadResult['reason']): NelderMeadResult => ({ x: best.x, f: best.f, evaluations: history.length, iterations: iteration, reason, restarts: restartCount, history });

  /** One descent from `start` until the simplex is small and flat (true) or the budget is spent (false). */
  const descend = async (start: number[]): Promise<boolean> => {
    const simplex = [start, ...start.map((v, i) => start.map((w, j) => (j !== i ? w : v + step <= 1 ? v + step : v - step)))];
    const fs = await evaluate(simplex, 'initial');
    let vs = simplex.map((x, i) => ({ x, f: fs[i] }));
    for (;;) {
      // Stable sort: a new vertex replaces the worst at the end, so among ties it stays last (Lagarias's rule).
      vs = vs.map((v, i) => ({ v, i })).sort((a, b) => a.v.f - b.v.f || a.i - b.i).map(({ v }) => v);
      const lo = vs[0], worst = vs[k], second = vs[k - 1];
      const size = Math.max(...vs.slice(1).map((v) => Math.max(...v.x.map((xi, i) => Math.abs(xi - lo.x[i])))));
      if (size <= xTol && worst.f - lo.f <= fTol) return true;
      if (history.length >= maxEvaluations) return false;
      iteration++;
      const c = Array.from({ length: k }, (_, i) => vs.slice(0, k).reduce((s, v) => s + v.x[i], 0) / k);
      const xr = along(c, worst.x, -ALPHA);
      const [fr] = await evaluate([xr], 'reflect');
      if (fr < lo.f) {
        const xe = along(c, xr, GAMMA);
        const [fe] = await evaluate([xe], 'expand');
        vs[k] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
      } else if (fr < second.f) {
        vs[k] = { x: xr, f: fr };
      } else {
        const outside = fr < worst.f;
        const xc = outside ? along(c, xr, RHO) : along(c, worst.x, RHO);
        const [fc] = await evaluate([xc], outside ? 'contract-outside' : 'contract-inside');
        if (outside ? fc <= fr : fc < worst.f) vs[k] = { x: xc, f: fc };
        else {
          const shrunk = vs.slice(1).map((v) => along(lo.x, v.x, SIGMA));
          const fsh = await evaluate(shrunk, 'shrink');
          vs = [lo, ...shrunk.map((x, i) => ({ x, f: fsh[i] }))];
        }
      }
    }
  };

  try {
    if (!(await descend(clamp([...x0])))) return done('maxEvaluations');
    // Restart from the best point with a fresh full-size simplex: a collapsed simplex (or a rough,
    // piecewise-constant objective such as a simulation on fixed seeds) can stall Nelder–Mead away
    // from a minimum; a restart that finds nothing better confirms the point.
    for (let r = 0; r < restarts; r++) {
      const before = best.f;
      restartCount++;
      if (!(await descend(best.x))) return done('maxEvaluations');
      if (!(best.f < before - fTol)) break;
    }
    return done('converged');
  } catch (e) {
    if (e instanceof BudgetExhausted) return done('maxEvaluations');
    throw e;
  }
}

const key = (x: readonly number[]) => x.join(',');

async function sequential(f: (x: number[]) => number | Promise<number>, xs: number[][]): Promise<number[]> {
  const out: number[] = [];
  for (const x of xs) out.push(await f(x));
  return out;
}
