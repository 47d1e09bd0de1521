/** Chart of a calibration: the objective at every evaluation with the best so far, and each target against its fitted value. */
import type { CalibrationResult } from '../../experiments/calibrate.js';
import type { MetricDef } from '../../experiments/objective.js';
import type { Scenario } from '../../scenario/schema.js';
import { roundForChart } from '../format.js';
import { STRATEGY_COLOURS } from '../palette.js';
import { header, HEIGHT, WIDTH, type VlSpec } from './common.js';

export const title = 'Calibration';


/**
 * Top: objective per evaluation (log scale: it falls by orders of magnitude) and the best so far.
 * Below: per target, (fitted − target)/scale with the fitted mean's 95 % interval, so targets in
 * different units share one axis and 0 is a perfect fit; raw values are in the tooltip and labels.
 */
export function calibrationChart(scenario: Scenario, result: CalibrationResult, metrics: readonly Pick<MetricDef, 'key' | 'label' | 'unit'>[], subtitle: string[]): VlSpec {
  // Non-positive or infeasible (∞) objectives cannot sit on a log axis; they stay in calibration.csv.
  const history = result.history
    .filter((h) => Number.isFinite(h.f) && h.f > 0)
    .map((h) => ({ evaluation: h.evaluation, step: h.step, objective: roundForChart(h.f), best: roundForChart(h.best) }));
  const unit = (key: string) => metrics.find((m) => m.key === key);
  // Once a target names a strategy, every row says whose figure it is (the baseline's too).
  const named = result.fit.some((r) => r.strategy !== '');
  const strategyLabel = (name: string) => scenario.strategies.find((s) => s.name === name)?.label ?? name;
  const fit = result.fit.map((r) => {
    const m = unit(r.metric);
    const z = (v: number) => roundForChart((v - r.target) / r.scale);
    return {
      target: `${m?.label ?? r.metric}${m ? ` (${m.unit})` : ''}${named ? `, ${strategyLabel(r.strategy || scenario.strategies[0]?.name)}` : ''}${r.role === 'held out' ? ' — held out' : ''}: ${fmt(r.target)} → ${fmt(r.simulated)}`,
      role: r.role === 'target' ? 'fitted target' : 'held out (not fitted)',
      standardised: z(r.simulated),
      lo: z(r.lo),
      hi: z(r.hi),
      targetValue: roundForChart(r.target),
      fitted: roundForChart(r.simulated),
      scale: roundForChart(r.scale),
    };
  });
  const y = { field: 'objective', type: 'quantitative' as const, title: 'Objective (log scale)', scale: { type: 'log' as const } };
  const x = { field: 'evaluation', type: 'quantitative' as const, title: 'Evaluation (one candidate, every replication)', axis: { tickMinStep: 1 } };
  const objective = {
    width: WIDTH,
    height: Math.round(HEIGHT * 0.75),
    data: { values: history },
    layer: [
      { mark: { type: 'point' as const, filled: true, size: 30, opacity: 0.6, color: '#888' }, encoding: { x, y, tooltip: [{ field: 'evaluation' }, { field: 'step' }, { field: 'objective', type: 'quantitative' as const, format: ',.4~g' }] } },
      { mark: { type: 'line' as const, strokeWidth: 2, color: STRATEGY_COLOURS[0], interpolate: 'step-after' as const }, encoding: { x, y: { ...y, field: 'best' } } },
    ],
  };
  const fy = { field: 'target', type: 'nominal' as const, title: null, axis: { labelLimit: 0 } };
  const fx = { field: 'standardised', type: 'quantitative' as const, title: 'Fitted − target, in units of each target\'s scale' };
  const tooltip = [{ field: 'target' }, { field: 'targetValue', title: 'target', type: 'quantitative' as const, format: ',.4~r' }, { field: 'fitted', type: 'quantitative' as const, format: ',.4~r' }, { field: 'scale', type: 'quantitative' as const, format: ',.4~r' }];
  // Held-out checks are drawn apart from fitted targets: they are the fit's out-of-sample test.
  const role = { field: 'role', type: 'nominal' as const, title: null, scale: { domain: ['fitted target', 'held out (not fitted)'], range: [STRATEGY_COLOURS[1], STRATEGY_COLOURS[2]] }, legend: { orient: 'bottom' as const } };
  const targets = {
    width: WIDTH,
    height: { step: 36 },
    data: { values: fit },
    layer: [
      { mark: { type: 'rule' as const, color: '#999', strokeDash: [4, 4] }, encoding: { x: { datum: 0 } } },
      { mark: { type: 'rule' as const, strokeWidth: 2 }, encoding: { y: fy, x: { field: 'lo', type: 'quantitative' as const, title: fx.title }, x2: { field: 'hi' }, color: role } },
      { mark: { type: 'point' as const, filled: true, size: 90, opacity: 1 }, encoding: { y: fy, x: fx, tooltip, color: role, shape: { ...role, scale: { domain: role.scale.domain, range: ['circle', 'diamond'] } } } },
    ],
  };
  return { ...header(scenario, title, subtitle), vconcat: [objective, targets], spacing: 28, resolve: { scale: { x: 'independent', y: 'independent' } } } as VlSpec;
}

const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : '–');
